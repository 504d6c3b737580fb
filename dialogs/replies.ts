import { Lang } from '../src/common/i18n/lang';
import { foldAccents } from '../src/geography/place-key';

// Reading what a person typed: global commands, yes/no, numbers, "other". Case-, accent- and
// Bambara-letter-insensitive, so "Retour", "RETOUR!" and "segin" all work on any phone.

export type GlobalCommand =
  | { kind: 'menu' }
  | { kind: 'back' }
  | { kind: 'help' }
  | { kind: 'agent' }
  | { kind: 'language'; lang: Lang };

const COMMAND_WORDS: Record<string, GlobalCommand> = {
  menu: { kind: 'menu' },
  retour: { kind: 'back' },
  back: { kind: 'back' },
  segin: { kind: 'back' },
  aide: { kind: 'help' },
  help: { kind: 'help' },
  deme: { kind: 'help' },
  '0': { kind: 'agent' },
  agent: { kind: 'agent' },
  conseiller: { kind: 'agent' },
  advisor: { kind: 'agent' },
  adviser: { kind: 'agent' },
  human: { kind: 'agent' },
  ladilikela: { kind: 'agent' },
  fr: { kind: 'language', lang: 'fr' },
  francais: { kind: 'language', lang: 'fr' },
  french: { kind: 'language', lang: 'fr' },
  en: { kind: 'language', lang: 'en' },
  english: { kind: 'language', lang: 'en' },
  anglais: { kind: 'language', lang: 'en' },
  bm: { kind: 'language', lang: 'bm' },
  bambara: { kind: 'language', lang: 'bm' },
  bamanankan: { kind: 'language', lang: 'bm' },
};

const YES = new Set([
  '1',
  'oui',
  'yes',
  'y',
  'o',
  'ok',
  'okay',
  'awo',
  'ayo',
  'daccord',
  'd accord',
  'bon',
]);
const NO = new Set(['2', 'non', 'no', 'n', 'ayi', 'ayii']);
const OTHER = new Set(['autre', 'other', 'were', 'next', 'suivant', 'passer', 'skip']);
const GREETINGS = new Set([
  'bonjour',
  'bjr',
  'bonsoir',
  'bsr',
  'salut',
  'slt',
  'coucou',
  'allo',
  'salam',
  'salam alaykoum',
  'salamalekoum',
  'assalamou alaykoum',
  'hello',
  'hi',
  'hey',
  'good morning',
  'good afternoon',
  'good evening',
  'i ni ce',
  'i ni sogoma',
  'i ni tile',
  'i ni wula',
  'aw ni ce',
]);

const THANKS = new Set([
  'merci',
  'mrc',
  'mci',
  'merci beaucoup',
  'merci bien',
  'ok',
  'okay',
  'ok merci',
  'merci ok',
  'ok merci beaucoup',
  'd accord',
  'daccord',
  'd accord merci',
  'bien recu',
  'c est bon',
  'thanks',
  'thank you',
  'thanks a lot',
  'thx',
  'ok thanks',
  'ok thank you',
  'barika',
  'a ni ce',
  'i ni ce kosebe',
  'awo',
  'ala ka here caya',
]);

// Lowercase, no accents, Bambara letters folded (ɛ→e, ɔ→o, ɲ→ny, ŋ→ng), punctuation trimmed.
export function normalizeReply(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// A command is the whole message, never a word inside a sentence.
export function parseCommand(text: string): GlobalCommand | null {
  return COMMAND_WORDS[normalizeReply(text)] ?? null;
}

export function parseYesNo(text: string): boolean | null {
  const reply = normalizeReply(text);
  if (YES.has(reply)) return true;
  if (NO.has(reply)) return false;
  return null;
}

export function isOther(text: string): boolean {
  return OTHER.has(normalizeReply(text));
}

// A message that is only a greeting ("Bonjour !", "i ni cɛ"): someone picking the thread up again.
export function isGreeting(text: string): boolean {
  return GREETINGS.has(normalizeReply(text));
}

// "1 3", "1,3", "1 et 3" → [1, 3]; null unless the reply is only numbers (and joining words).
export function parseNumbers(text: string, max: number): number[] | null {
  const words = normalizeReply(text)
    .split(' ')
    .filter((w) => w && !['et', 'and', 'ni', 'ani'].includes(w));
  if (!words.length || !words.every((w) => /^\d{1,2}$/.test(w))) return null;
  const numbers = [...new Set(words.map(Number))];
  return numbers.every((n) => n >= 1 && n <= max) ? numbers : null;
}

// Thanks, ok or a greeting alone: a person closing the thread, not asking for anything.
export function isCourtesy(text: string): boolean {
  return THANKS.has(normalizeReply(text)) || isGreeting(text);
}
