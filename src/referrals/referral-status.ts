export const REFERRAL_STATUSES = [
  'proposed',
  'sent',
  'accepted',
  'completed',
  'declined',
  'no_show',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

// Allowed moves; completed, declined and no_show are final.
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  proposed: ['sent', 'declined'],
  sent: ['accepted', 'completed', 'declined', 'no_show'],
  accepted: ['completed', 'declined', 'no_show'],
  completed: [],
  declined: [],
  no_show: [],
};

// Null when the move is allowed, else the reason it is not.
export function transitionProblem(from: ReferralStatus, to: ReferralStatus): string | null {
  if (from === to) return `the referral is already ${to}`;
  const allowed = REFERRAL_TRANSITIONS[from];
  if (allowed.includes(to)) return null;
  if (allowed.length === 0) return `${from} is a final status`;
  return `cannot go from ${from} to ${to} (allowed: ${allowed.join(', ')})`;
}
