// Text folding shared by the gazetteer and the understanding normaliser.

const BAMBARA_LETTERS: Record<string, string> = {
  ɛ: 'e',
  Ɛ: 'E',
  ɔ: 'o',
  Ɔ: 'O',
  ɲ: 'ny',
  Ɲ: 'Ny',
  ŋ: 'ng',
  Ŋ: 'Ng',
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
};

// Removes diacritics and maps Bambara letters (ɛ ɔ ɲ ŋ) to plain Latin; keeps case.
export function foldAccents(text: string): string {
  return text
    .replace(/[ɛƐɔƆɲƝŋŊœŒæÆß]/g, (c) => BAMBARA_LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'");
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };

// Spelling-insensitive key of one word or name: folded, no separators, French/Bambara
// spellings of the same sound merged (ou/u, dj/j, gn/ny, c/k, y/i, w/u), doubled letters merged.
export function placeKey(text: string): string {
  return (
    foldAccents(text)
      .toLowerCase()
      // Bamako's communes are numbered in roman numerals: read them as digits before doubles merge.
      .replace(/\bcommune\s*(vi|iv|v|i{1,3})\b/g, (_, roman: string) => `commune${ROMAN[roman]}`)
      .replace(/[^a-z0-9]+/g, '')
      .replace(/dj/g, 'j')
      .replace(/ou/g, 'u')
      .replace(/gn/g, 'ny')
      .replace(/qu/g, 'k')
      .replace(/kh/g, 'k')
      .replace(/ph/g, 'f')
      .replace(/c/g, 'k')
      .replace(/y/g, 'i')
      .replace(/w/g, 'u')
      .replace(/(.)\1+/g, '$1')
  );
}
