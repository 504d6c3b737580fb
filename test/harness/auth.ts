import { randomBytes } from 'node:crypto';
import type { Role, AuthUser } from '../../src/auth/role';

export interface LoggedIn {
  token: string;
  user: AuthUser;
  email: string;
  password: string;
}

// Anything carrying the app's address and its first-admin credentials (a TestApp fits).
export interface AppHandle {
  baseUrl: string;
  config: { adminEmail: string; adminPassword: string };
}

const adminTokens = new Map<string, string>();

export function authHeader(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function login(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ token: string; user: AuthUser }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200)
    throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string; user: AuthUser };
  return { token: body.accessToken, user: body.user };
}

// Creates a fresh account through the real API (as the configured first admin) and logs in as it.
export async function loginAs(
  app: AppHandle,
  role: Role,
  regions: string[] = [],
): Promise<LoggedIn> {
  const { baseUrl } = app;
  let adminToken = adminTokens.get(baseUrl);
  if (!adminToken) {
    adminToken = (await login(baseUrl, app.config.adminEmail, app.config.adminPassword)).token;
    adminTokens.set(baseUrl, adminToken);
  }
  const email = `${role}-${randomBytes(4).toString('hex')}@test.sira`;
  const password = randomBytes(12).toString('base64url');
  const res = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeader(adminToken) },
    body: JSON.stringify({ email, password, role, regions }),
  });
  if (res.status !== 201)
    throw new Error(`creating a ${role} failed: ${res.status} ${await res.text()}`);
  return { ...(await login(baseUrl, email, password)), email, password };
}
