import { JaroWinklerDistance } from 'natural/lib/natural/distance';
import { PorterStemmer, PorterStemmerFr } from 'natural/lib/natural/stemmers';
import { NEED_CODES, type NeedCode } from '../common/needs';
import { isEnglishWord } from '../geography/english-words';
import { NEED_LEXICON } from './lexicon';
import { normalize, tokenize } from './normalize';

// Clauses of a message, each as plain words: money talk is read within its clause
// ("so sara wari tɛ" is about rent, "wari tɛ n bolo" alone is about cash).
const CLAUSE_BREAK = /[,.;:!?\n]+|\s(?:et|and|ani|wa|aussi|also|en plus)\s/i;
export function clauses(text: string): string[][] {
  return text
    .split(CLAUSE_BREAK)
    .map((part) => words(part))
    .filter((c) => c.length > 0);
}

// Needs for which money is a means, not the need itself.
export const PURPOSES: readonly NeedCode[] = [
  'shelter',
  'education',
  'transport',
  'business_support',
  'health',
  'legal',
  'food',
];

// Plain words of a message: normalised (SMS spellings, accents, Bambara letters), then split.
export function words(text: string): string[] {
  return tokenize(normalize(text)).flatMap((w) =>
    w
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((part) => part.length > 0),
  );
}

interface LexEntry {
  need: NeedCode;
  tokens: string[];
  prefix: boolean;
}

// Lexicon compiled once: multi-word phrases, prefixes, and single words open to fuzzy matching.
class CompiledLexicon {
  readonly phrases: LexEntry[] = [];
  readonly exact = new Map<string, Set<NeedCode>>();
  readonly prefixes: LexEntry[] = [];
  readonly fuzzyWords: { word: string; needs: Set<NeedCode> }[] = [];
  private readonly fuzzyCache = new Map<string, [NeedCode, string][]>();
  // "need:term" of the cues marked '!': unambiguous enough to name the need on their own.
  readonly strong = new Set<string>();

  constructor(lexicon: Record<NeedCode, string[]>) {
    for (const need of NEED_CODES) {
      for (const entry of lexicon[need]) {
        const raw = entry.replace(/^!/, '');
        const prefix = raw.endsWith('*');
        const tokens = words(prefix ? raw.slice(0, -1) : raw);
        if (tokens.length === 0) continue;
        if (entry.startsWith('!'))
          this.strong.add(`${need}:${prefix ? `${tokens[0]}*` : tokens.join(' ')}`);
        if (tokens.length > 1) this.phrases.push({ need, tokens, prefix: false });
        else if (prefix) this.prefixes.push({ need, tokens, prefix });
        else {
          const set = this.exact.get(tokens[0]) ?? new Set<NeedCode>();
          set.add(need);
          this.exact.set(tokens[0], set);
        }
      }
    }
    for (const [word, needs] of this.exact)
      if (word.length >= 5) this.fuzzyWords.push({ word, needs });
  }

  // Cue words found in the message (exact, prefix, phrase or a close misspelling), by need.
  match(tokens: string[], known: (w: string) => boolean): Map<NeedCode, Set<string>> {
    const hits = new Map<NeedCode, Set<string>>();
    const add = (need: NeedCode, term: string): void => {
      const set = hits.get(need) ?? new Set<string>();
      set.add(term);
      hits.set(need, set);
    };
    for (const t of tokens) {
      const exact = this.exact.get(t);
      if (exact) exact.forEach((n) => add(n, t));
      for (const p of this.prefixes) if (t.startsWith(p.tokens[0])) add(p.need, `${p.tokens[0]}*`);
      // A misspelling is marked '~': it counts as a cue, never as a strong one. Real English
      // words are not misspellings ("starting" is not "starving").
      if (!exact && t.length >= 5 && !known(t) && !isEnglishWord(t))
        this.fuzzy(t).forEach(([n, w]) => add(n, `~${w}`));
    }
    const joined = ` ${tokens.join(' ')} `;
    for (const p of this.phrases) {
      const phrase = p.tokens.join(' ');
      if (joined.includes(` ${phrase} `)) add(p.need, phrase);
    }
    return hits;
  }

  // Jaro-Winkler against cue words of similar length and the same first letter.
  private fuzzy(token: string): [NeedCode, string][] {
    const cached = this.fuzzyCache.get(token);
    if (cached) return cached;
    const out: [NeedCode, string][] = [];
    for (const { word, needs } of this.fuzzyWords) {
      if (word[0] !== token[0] || Math.abs(word.length - token.length) > 2) continue;
      if (JaroWinklerDistance(token, word, {}) >= 0.92) needs.forEach((n) => out.push([n, word]));
    }
    this.fuzzyCache.set(token, out);
    return out;
  }
}

let compiled: CompiledLexicon | null = null;
function lexicon(): CompiledLexicon {
  compiled ??= new CompiledLexicon(NEED_LEXICON);
  return compiled;
}

// Money is only a means when every clause that talks of money also names what it is for
// ("wari tɛ n bolo ka so sara" is rent; "je suis fauché et ..." is cash).
export function moneyOnlyForPurpose(parts: string[][]): boolean {
  let money = false;
  for (const part of parts) {
    const hits = lexiconHits(part);
    if (!hits.has('cash')) continue;
    money = true;
    if (!PURPOSES.some((n) => hits.has(n))) return false;
  }
  return money;
}

export function lexiconHits(
  tokens: string[],
  known: (w: string) => boolean = () => false,
): Map<NeedCode, Set<string>> {
  return lexicon().match(tokens, known);
}

const stemCache = new Map<string, string[]>();
function stems(word: string): string[] {
  let out = stemCache.get(word);
  if (!out) {
    out = [...new Set([PorterStemmerFr.stem(word), PorterStemmer.stem(word)])];
    stemCache.set(word, out);
  }
  return out;
}

// Sparse binary features of a message: words, French and English stems, word bigrams,
// 4-letter prefixes (typo tolerance) and lexicon hits.
export function featuresOf(
  parts: string[][],
  known: (w: string) => boolean = () => false,
): string[] {
  const out = new Set<string>();
  const tokens = parts.flat();
  for (const part of parts) {
    const hits = lexiconHits(part, known);
    for (const [need, terms] of hits) {
      out.add(`L:${need}`);
      terms.forEach((term) => out.add(`T:${need}:${term}`));
      if ([...terms].some((term) => lexicon().strong.has(`${need}:${term}`))) out.add(`S:${need}`);
    }
    if (hits.has('cash'))
      out.add(PURPOSES.some((n) => hits.has(n)) ? 'C:cash_for_purpose' : 'C:cash_alone');
  }
  for (const t of tokens) {
    out.add(`w:${t}`);
    for (const s of stems(t)) out.add(`s:${s}`);
    if (t.length >= 5) out.add(`p:${t.slice(0, 4)}`);
  }
  for (let i = 1; i < tokens.length; i++) out.add(`b:${tokens[i - 1]}_${tokens[i]}`);
  return [...out];
}
