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
