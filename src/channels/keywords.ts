import { Lang } from '../common/i18n/lang';
import { matchKey } from '../common/match-key';

export type KeywordKind = 'stop' | 'start' | 'yes' | 'help';

export interface Keyword {
  kind: KeywordKind;
  // The language the word belongs to, when it tells (STOP does not: French speakers use it too).
  lang: Lang | null;
}

// Whole-message keywords only: "je veux arrêter" is a sentence for the bot, not an opt-out.
const KEYWORDS: Record<string, Keyword> = {
  stop: { kind: 'stop', lang: null },
  stopall: { kind: 'stop', lang: null },
  unsubscribe: { kind: 'stop', lang: 'en' },
  arret: { kind: 'stop', lang: 'fr' },
  arrete: { kind: 'stop', lang: 'fr' },
  arreter: { kind: 'stop', lang: 'fr' },
  dabila: { kind: 'stop', lang: 'bm' },
  start: { kind: 'start', lang: null },
  unstop: { kind: 'start', lang: 'en' },
  reprendre: { kind: 'start', lang: 'fr' },
  damine: { kind: 'start', lang: 'bm' },
  oui: { kind: 'yes', lang: 'fr' },
  yes: { kind: 'yes', lang: 'en' },
  awo: { kind: 'yes', lang: 'bm' },
  help: { kind: 'help', lang: 'en' },
  info: { kind: 'help', lang: null },
  aide: { kind: 'help', lang: 'fr' },
  deme: { kind: 'help', lang: 'bm' },
};

// Lower case, no accents, Bambara letters folded, no punctuation around: "ARRÊT !" → "arret".
export function normalizeKeyword(text: string): string {
  return matchKey(text)
    .replace(/ɛ/g, 'e')
    .replace(/ɔ/g, 'o')
    .replace(/ɲ/g, 'ny')
    .replace(/ŋ/g, 'ng')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function detectKeyword(text: string | undefined | null): Keyword | null {
  if (!text) return null;
  return KEYWORDS[normalizeKeyword(text)] ?? null;
}
