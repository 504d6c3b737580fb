import { SegmentedMessage } from 'sms-segments-calculator';

export const DEFAULT_SMS_BUDGET = 2;

// GSM 03.38 basic set plus the extension table (extension characters cost two septets).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const GSM7 = new Set([...GSM7_BASIC, ...GSM7_EXTENSION]);

// Replacements where meaning survives; anything else outside GSM-7 loses its accent if that is enough.
const FOLD: Record<string, string> = {
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '´': "'",
  '`': "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '‑': '-',
  '…': '...',
  '•': '-',
  '·': '.',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\t': ' ',
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  ç: 'c',
  // Bambara letters (ɛ ɔ ɲ ŋ) have no GSM-7 form: the usual Latin spellings.
  ɛ: 'e',
  Ɛ: 'E',
  ɔ: 'o',
  Ɔ: 'O',
  ɲ: 'ny',
  Ɲ: 'Ny',
  ŋ: 'ng',
  Ŋ: 'Ng',
};

export function isGsm7(text: string): boolean {
  return [...text].every((c) => GSM7.has(c));
}

// Folds characters that would force UCS-2 (70 characters a segment) into GSM-7 equivalents.
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (GSM7.has(char)) out += char;
    else if (FOLD[char] !== undefined) out += FOLD[char];
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      const folded = [...bare].map((c) => FOLD[c] ?? c).join('');
      // Keep what truly needs UCS-2 (an emoji, another script): the shaper still counts it right.
      out += folded && isGsm7(folded) ? folded : bare;
    }
  }
  return out;
}

const GSM7_EXTENSION_SET = new Set(GSM7_EXTENSION);

export function segmentCount(text: string): number {
  if (text === '') return 0;
  // Most replies are one GSM-7 segment: counted here, without the library's grapheme splitting.
  // "\r" is left to the library (it joins "\r\n" into one grapheme).
  if (!text.includes('\r')) {
    let septets = 0;
    for (const c of text) {
      if (!GSM7.has(c)) {
        septets = Infinity;
        break;
      }
      septets += GSM7_EXTENSION_SET.has(c) ? 2 : 1;
    }
    if (septets <= 160) return 1;
  }
  return new SegmentedMessage(text).segmentsCount;
}

// Cheap upper-bound check used while packing; only texts close to the limit ask the library.
function fitsBudget(text: string, budget: number): boolean {
  let size = 0;
  let gsm = true;
  for (const c of text) {
    if (!GSM7.has(c)) gsm = false;
    size += GSM7_EXTENSION_SET.has(c) ? 2 : 1;
  }
  const units = gsm ? size : text.length;
  const single = gsm ? 160 : 70;
  const perSegment = gsm ? 153 : 67;
  const capacity = budget === 1 ? single : budget * perSegment;
  if (units <= capacity - 8) return true;
  if (units > (budget === 1 ? single : budget * single)) return false;
  return segmentCount(text) <= budget;
}

interface Unit {
  text: string;
  // Separator that followed this unit in the source: a line break is kept, any other space becomes one.
  breakAfter: boolean;
}

// Sentences and lines, each with what separated it from the next.
function splitSentences(text: string): Unit[] {
  const units: Unit[] = [];
  // A sentence ends with . ! ? after a non-digit, so "1. Santé" list items stay whole.
  const pattern = /([^\n]*?\D[.!?]+)(?=\s)(\s+)|([^\n]+)(\n+|$)|(\n+)/g;
  for (const match of text.matchAll(pattern)) {
    const [, sentence, space, line, lineEnd] = match;
    if (sentence !== undefined)
      units.push({ text: sentence.trim(), breakAfter: space.includes('\n') });
    else if (line !== undefined) units.push({ text: line.trim(), breakAfter: lineEnd !== '' });
    else if (units.length) units[units.length - 1].breakAfter = true;
  }
  return units.filter((u) => u.text !== '');
}

function join(units: Unit[]): string {
  return units
    .map((u, i) => u.text + (i < units.length - 1 ? (u.breakAfter ? '\n' : ' ') : ''))
    .join('');
}

// Cuts one over-long sentence at word boundaries; a single word longer than a part is cut by characters.
function splitWords(sentence: Unit, fits: (s: string) => boolean): Unit[] {
  const pieces: Unit[] = [];
  let current = '';
  for (const word of sentence.text.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) pieces.push({ text: current, breakAfter: false });
    current = word;
    while (!fits(current)) {
      let cut = current.length - 1;
      while (cut > 1 && !fits(current.slice(0, cut))) cut--;
      pieces.push({ text: current.slice(0, cut), breakAfter: false });
      current = current.slice(cut);
    }
  }
  if (current) pieces.push({ text: current, breakAfter: sentence.breakAfter });
  return pieces;
}

function pack(units: Unit[], prefixWidth: number, budget: number): string[] {
  const pad = 'x'.repeat(prefixWidth);
  const fits = (body: string) => fitsBudget(pad + body, budget);
  const parts: string[] = [];
  let current: Unit[] = [];
  for (const unit of units.flatMap((u) => (fits(u.text) ? [u] : splitWords(u, fits)))) {
    if (current.length && !fits(join([...current, unit]))) {
      parts.push(join(current));
      current = [];
    }
    current.push(unit);
  }
  if (current.length) parts.push(join(current));
  return parts;
}

// Shapes one bot reply for SMS: GSM-7 where meaning survives, and each message within `budget`
// segments. Longer content becomes numbered messages ("1/3 ...") cut at sentence boundaries.
export function shapeSms(text: string, budget = DEFAULT_SMS_BUDGET): string[] {
  const folded = toGsm7(text)
    .replace(/[ ]+\n/g, '\n')
    .replace(/[ ]{2,}/g, ' ')
    .trim();
  if (folded === '') return [];
  if (fitsBudget(folded, budget)) return [folded];
  const units = splitSentences(folded);
  // The "k/n " prefix width depends on n: grow it until the packing agrees with it.
  let width = 4;
  for (;;) {
    const parts = pack(units, width, budget);
    const needed = `${parts.length}/${parts.length} `.length;
    if (needed <= width) return parts.map((p, i) => `${i + 1}/${parts.length} ${p}`);
    width = needed;
  }
}
