import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const DEFAULT_REGION = 'ML';

// E.164 for anything a person or Twilio may write: "whatsapp:+223 76 12 34 56", "76123456", "0022376123456".
export function toE164(raw: string): string | null {
  const cleaned = raw
    .trim()
    .replace(/^whatsapp:/i, '')
    .replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, DEFAULT_REGION);
  return parsed?.isPossible() ? parsed.number : null;
}
