import { randomInt } from 'node:crypto';

// Readable over a bad phone line: no 0/O, 1/I/L.
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function generateReferralCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

// What a caseworker types from a phone call: case and spaces do not matter.
export function normalizeReferralCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
