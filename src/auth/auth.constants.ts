export const ROLES_KEY = 'sira:roles';
export const QUERY_TOKEN_KEY = 'sira:query-token';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 12 * 60 * 60;
// Two tabs refreshing at once: a token reused within this window is refused without revoking its family.
export const REFRESH_REUSE_GRACE_MS = 10_000;
export const REFRESH_COOKIE = 'sira_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MS = 15 * 60 * 1000;
