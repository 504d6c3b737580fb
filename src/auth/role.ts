export const ROLES = ['caseworker', 'supervisor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

// Who the verified access token names, as their account stands now; handed to controllers by @CurrentUser().
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  regions: string[];
}
