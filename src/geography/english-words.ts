import { readFileSync } from 'fs';

// natural's English lexicon (~90k words), read on first use only: a fuzzy place match
// on an English word ("selling" ~ Sélingué, "menace" ~ Ménaka) is a false alarm.
let lexicon: Record<string, unknown> | null = null;

export function isEnglishWord(word: string): boolean {
  lexicon ??= JSON.parse(
    readFileSync(
      require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json'),
      'utf8',
    ),
  ) as Record<string, unknown>;
  return Object.prototype.hasOwnProperty.call(lexicon, word.toLowerCase());
}
