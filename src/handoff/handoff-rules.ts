import { AuthUser } from '../auth/role';
import { PRIORITY } from './schemas/handoff.schema';

export function priorityOf(input: { urgent: boolean; vulnerable?: boolean }): number {
  if (input.urgent) return PRIORITY.urgent;
  return input.vulnerable ? PRIORITY.vulnerable : PRIORITY.normal;
}

// Caseworkers see their regions plus tickets with no region yet (nobody must be left unrouted).
export function canSee(user: AuthUser, ticket: { region: string | null }): boolean {
  if (user.role !== 'caseworker') return true;
  return ticket.region === null || user.regions.includes(ticket.region);
}

// canSee as a query filter, for lists (a missing region matches null, like an unrouted ticket).
export function visibleFilter(user: AuthUser): {
  $or?: [{ region: { $in: string[] } }, { region: null }];
} {
  return user.role === 'caseworker'
    ? { $or: [{ region: { $in: user.regions } }, { region: null }] }
    : {};
}
