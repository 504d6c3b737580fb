import {
  CODE_ALPHABET,
  CODE_PATTERN,
  generateReferralCode,
  normalizeReferralCode,
} from './referral-code';

describe('referral codes', () => {
  it('leaves out characters people confuse over the phone', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L'])
      expect(CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('draws 6 characters from the alphabet, with few collisions in 10 000 draws', () => {
    const codes = Array.from({ length: 10_000 }, () => generateReferralCode());
    for (const code of codes) expect(code).toMatch(CODE_PATTERN);
    // 31^6 ≈ 887 million codes: a handful of collisions at most (the unique index catches them).
    expect(new Set(codes).size).toBeGreaterThan(9_990);
  });

  it('uses every character of the alphabet', () => {
    const seen = new Set(Array.from({ length: 2_000 }, () => generateReferralCode()).join(''));
    expect([...seen].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
  });

  it('normalizes what a caseworker types', () => {
    expect(normalizeReferralCode(' k7m 2-qx ')).toBe('K7M2QX');
  });
});
