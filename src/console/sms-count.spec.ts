import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { segmentCount, toGsm7 } from '../channels/sms-text';

interface SiraSms {
  toGsm7(text: string): string;
  count(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number };
}

// The console's reply box must announce exactly what the server will count.
describe('console SMS counter (public/sms.js)', () => {
  const context: { SiraSms?: SiraSms } = {};
  runInNewContext(readFileSync(join(__dirname, 'public/sms.js'), 'utf8'), context);
  const sut = context.SiraSms!;

  const samples = [
    '',
    'Bonjour',
    'Bonjour Awa, votre rendez-vous est confirmé à Kayes. Présentez le code K7P-2QX à l’accueil.',
    'Ça coûte 10 € — « merci »',
    'I ni ce! Aw bɛ se ka taa ɲɔgɔn fɛ Sikasso',
    'Emoji 🙂 forces UCS-2',
    '{[~]}'.repeat(40),
    'a'.repeat(160),
    'a'.repeat(161),
    'a'.repeat(306),
    'a'.repeat(307),
    'é'.repeat(153) + '€',
    '🙂'.repeat(34) + 'a',
    '🙂'.repeat(35),
    'Ω'.repeat(200),
    '中文'.repeat(40),
  ];

  it.each(samples.map((s) => [s.slice(0, 30), s]))(
    'agrees with the server on "%s"',
    (_label, text) => {
      expect(sut.toGsm7(text)).toBe(toGsm7(text));
      expect(sut.count(text).segments).toBe(segmentCount(toGsm7(text)));
    },
  );

  it('agrees on random mixes of GSM, extension, accented and non-GSM characters', () => {
    const alphabet = [...'abc XYZ 019.,', ...'éèàçœ’«»', ...'{}[]~€^|', ...'ɛɔɲŋ', '🙂', 'Ж', '\n'];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * 400);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect({ text, segments: sut.count(text).segments }).toEqual({
        text,
        segments: segmentCount(toGsm7(text)),
      });
    }
  });

  it('names the encoding', () => {
    expect(sut.count('Santé à Ségou').encoding).toBe('GSM-7');
    expect(sut.count('Santé 🙂').encoding).toBe('UCS-2');
  });
});
