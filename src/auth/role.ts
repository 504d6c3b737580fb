export const ROLES = ['caseworker', 'supervisor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

// What a verified access token says about the caller; handed to controllers by @CurrentUser().
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  regions: string[];
}
