// The 14 need codes shared by understanding, directory, dialogs, referrals and stats.
export const NEED_CODES = [
  'employment',
  'vocational_training',
  'business_support',
  'cash',
  'food',
  'shelter',
  'health',
  'mental_health',
  'documents',
  'legal',
  'family',
  'education',
  'transport',
  'protection',
] as const;

export type NeedCode = (typeof NEED_CODES)[number];

export function isNeedCode(value: unknown): value is NeedCode {
  return typeof value === 'string' && (NEED_CODES as readonly string[]).includes(value);
}
