import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SegmentedMessage } from 'sms-segments-calculator';
import { LOCALES_DIR } from '../common/i18n/i18n.service';
import { isGsm7, segmentCount, shapeSms, toGsm7 } from './sms-text';

type Tree = { [key: string]: string | Tree };

const strings = (tree: Tree): string[] =>
  Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)));

// Every string of every namespace, read at test time so strings added later are covered too.
function localeStrings(lng: string): [string, string][] {
  const dir = join(LOCALES_DIR, lng);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) =>
      strings(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Tree).map((s): [string, string] => [
        `${lng}/${f}`,
        s.replace(/\{\{[^}]+\}\}/g, 'Bamako'),
      ]),
    );
}

describe('segmentCount', () => {
  // The one-segment shortcut must agree with the library everywhere, the edges most of all.
  it.each([
    ['160 septets', 'x'.repeat(160)],
    ['161 septets', 'x'.repeat(161)],
    ['an extension character at the edge', `${'x'.repeat(159)}€`],
    ['extension characters only', '€'.repeat(80)],
    ['a CR LF pair', `${'x'.repeat(79)}\r\n${'y'.repeat(79)}`],
    ['a UCS-2 character', `${'x'.repeat(69)}ɛ`],
    ['an emoji past 70 units', `${'x'.repeat(69)}😀`],
    ['a line break', `${'x'.repeat(80)}\n${'y'.repeat(79)}`],
  ])('counts %s as the library does', (_, text) => {
    expect(segmentCount(text)).toBe(new SegmentedMessage(text).segmentsCount);
  });

  it('counts every locale string as the library does', () => {
    for (const [, text] of ['fr', 'en', 'bm'].flatMap(localeStrings)) {
      const folded = toGsm7(text);
      if (folded) expect(segmentCount(folded)).toBe(new SegmentedMessage(folded).segmentsCount);
    }
  });
});

describe('toGsm7', () => {
  it('folds French typography and keeps what GSM-7 has', () => {
    expect(toGsm7('L’œuf « frais » coûte 5 € — où ? Ça va, garçon')).toBe(
      'L\'oeuf " frais " coute 5 € - où ? Ça va, garcon',
    );
    expect(toGsm7('é è à ù ê â î ô û ë ï ç')).toBe('é è à ù e a i o u e i c');
  });

  it('writes Bambara letters the usual Latin way, tone marks dropped', () => {
    expect(toGsm7('Ɲɛ kɔnɔ, i ni sɔgɔma, baŋa')).toBe('Nye kono, i ni sogoma, banga');
    expect(toGsm7('ɛ́ ɔ̀')).toBe('e o');
  });

  it('keeps what has no meaningful GSM-7 form', () => {
    expect(toGsm7('ok 🙂')).toBe('ok 🙂');
    expect(isGsm7(toGsm7('ok 🙂'))).toBe(false);
  });
});

describe('shapeSms', () => {
  const sentence =
    'Le centre de santé de Kati reçoit les personnes de retour du lundi au vendredi.';

  it('returns a short text as one message', () => {
    expect(shapeSms('Bonjour ! Où êtes-vous ?')).toEqual(['Bonjour ! Où etes-vous ?']);
  });

  it('splits long content into numbered parts at sentence boundaries, each within budget', () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence.replace('Kati', `Kati ${i}`)).join(
      ' ',
    );
    const sut = shapeSms(text, 2);
    expect(sut.length).toBeGreaterThan(1);
    sut.forEach((part, i) => {
      expect(part.startsWith(`${i + 1}/${sut.length} `)).toBe(true);
      expect(segmentCount(part)).toBeLessThanOrEqual(2);
      expect(part.endsWith('.')).toBe(true);
    });
    const rejoined = sut.map((p) => p.replace(/^\d+\/\d+ /, '')).join(' ');
    expect(rejoined).toBe(toGsm7(text));
  });

  it('never cuts a word when one sentence is longer than the budget', () => {
    const long = Array.from({ length: 80 }, (_, i) => `mot${i}`).join(' ');
    const sut = shapeSms(long, 1);
    const words = sut.flatMap((p) => p.replace(/^\d+\/\d+ /, '').split(' '));
    expect(words).toEqual(long.split(' '));
    sut.forEach((p) => expect(segmentCount(p)).toBe(1));
  });

  it('keeps numbered list lines whole and line breaks in place', () => {
    const list = Array.from(
      { length: 9 },
      (_, i) => `${i + 1}. Service de santé numéro ${i + 1}, Bamako`,
    ).join('\n');
    const sut = shapeSms(list, 1);
    for (const part of sut) {
      const body = part.replace(/^\d+\/\d+ /, '');
      body
        .split('\n')
        .forEach((line) => expect(line).toMatch(/^\d\. Service de santé numéro \d, Bamako$/));
    }
  });

  it('respects a budget of several segments for UCS-2 content too', () => {
    const sut = shapeSms(`${'Merci 🙂 '.repeat(60)}fin.`, 2);
    sut.forEach((p) => expect(segmentCount(p)).toBeLessThanOrEqual(2));
  });

  it('keeps every part within budget and every word whole on varied generated texts', () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const words = [
      'santé',
      'Kati',
      'dɛmɛ',
      '€',
      '[1]',
      'très',
      'œuvre',
      '🙂',
      'bonjour',
      'ŋa',
      'https://sira.ml/r/AB12',
    ];
    for (let round = 0; round < 60; round++) {
      const text = Array.from(
        { length: 20 + rand(120) },
        () => words[rand(words.length)] + (rand(6) ? ' ' : '. '),
      ).join('');
      const budget = 1 + rand(3);
      const sut = shapeSms(text, budget);
      sut.forEach((part) => expect(segmentCount(part)).toBeLessThanOrEqual(budget));
      const bodies = sut.length > 1 ? sut.map((p) => p.replace(/^\d+\/\d+ /, '')) : sut;
      expect(bodies.join(' ').split(/\s+/)).toEqual(toGsm7(text).trim().split(/\s+/));
    }
  });

  it.each(['fr', 'bm'])('shapes every %s locale string into GSM-7 parts within budget', (lng) => {
    const all = localeStrings(lng);
    expect(all.length).toBeGreaterThan(0);
    for (const [where, text] of all) {
      for (const part of shapeSms(text, 2)) {
        // Only what truly has no GSM-7 form (an emoji) may remain.
        const foreign = [...part].filter(
          (c) => !isGsm7(c) && !/\p{Extended_Pictographic}|\uFE0F|\u200D/u.test(c),
        );
        expect({ where, part, foreign }).toEqual({ where, part, foreign: [] });
        expect(segmentCount(part)).toBeLessThanOrEqual(2);
      }
    }
  });
});
