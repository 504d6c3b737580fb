import { REFERRAL_STATUSES, REFERRAL_TRANSITIONS, transitionProblem } from './referral-status';

describe('referral status transitions', () => {
  it.each([
    ['proposed', 'sent'],
    ['sent', 'accepted'],
    ['sent', 'no_show'],
    ['accepted', 'completed'],
    ['accepted', 'declined'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(transitionProblem(from, to)).toBeNull();
  });

  it.each([
    ['completed', 'sent', 'completed is a final status'],
    ['no_show', 'accepted', 'no_show is a final status'],
    ['proposed', 'completed', 'cannot go from proposed to completed (allowed: sent, declined)'],
    ['sent', 'sent', 'the referral is already sent'],
  ] as const)('refuses %s → %s with a reason', (from, to, reason) => {
    expect(transitionProblem(from, to)).toBe(reason);
  });

  it('never leads back to proposed', () => {
    for (const from of REFERRAL_STATUSES)
      expect(REFERRAL_TRANSITIONS[from]).not.toContain('proposed');
  });
});
