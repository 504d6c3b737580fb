import { readFileSync } from 'fs';
import { join } from 'path';
import { detectLanguage, languageScores } from './language';

interface DevRow {
  text: string;
  language: 'fr' | 'en' | 'bm' | 'unknown';
}

const DEV_FILE = join(__dirname, 'data', 'language-dev.jsonl');

function devRows(): DevRow[] {
  return readFileSync(DEV_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as DevRow);
}

describe('detectLanguage', () => {
  const sut = detectLanguage;

  it('reaches 0.97 accuracy on the hand-written dev list, in every language', () => {
    const rows = devRows();
    for (const lang of ['fr', 'en', 'bm'] as const) {
      expect(rows.filter((r) => r.language === lang).length).toBeGreaterThanOrEqual(150);
    }
    const perLang = new Map<string, { ok: number; n: number }>();
    for (const row of rows) {
      const stat = perLang.get(row.language) ?? { ok: 0, n: 0 };
      stat.n++;
      if (sut(row.text) === row.language) stat.ok++;
      perLang.set(row.language, stat);
    }
    const total = [...perLang.values()].reduce((a, s) => ({ ok: a.ok + s.ok, n: a.n + s.n }), {
      ok: 0,
      n: 0,
    });
    expect(total.ok / total.n).toBeGreaterThanOrEqual(0.97);
    for (const [, stat] of perLang) expect(stat.ok / stat.n).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['', 'unknown'],
    ['   ', 'unknown'],
    ['🙏🙏', 'unknown'],
    ['12345', 'unknown'],
    ['?!', 'unknown'],
    ['salam', 'unknown'],
    ['Moussa', 'unknown'],
    ['Moussa Traoré', 'unknown'],
  ])('says %p is %s', (text, expected) => {
    expect(sut(text)).toBe(expected);
  });

  it.each([
    ['n mago bɛ baara la', 'bm'],
    ['n mago be baara la', 'bm'],
    ['N MAGO BE BAARA LA', 'bm'],
    ['i ni ce', 'bm'],
    ['I NI CE', 'bm'],
    ['barikaaaa', 'bm'],
    ["n t'a fɛ", 'bm'],
    ['ɲɛnamaya', 'bm'],
    ['jsuis rentré de libye jai rien pr manger', 'fr'],
    ['SVP AIDEZ MOI', 'fr'],
    ["j'ai faim", 'fr'],
    ['bjr', 'fr'],
    ['merci', 'fr'],
    ['I need work please any work', 'en'],
    ['pls help', 'en'],
    ["I don't have money", 'en'],
    ['i dey hungry', 'en'],
    ['abeg', 'en'],
    ['hi', 'en'],
    ['ok', 'en'],
    ['n bé baara nyini', 'bm'],
    ['Salam, I ni ce', 'bm'],
    ['Bonjour, I need help', 'en'],
    ["Hello, j'ai besoin d'aide", 'fr'],
  ])('says %p is %s', (text, expected) => {
    expect(sut(text)).toBe(expected);
  });

  it.each([
    // Bambara grammar around French or English words
    ['n mago bɛ argent la', 'bm'],
    ['n ka papiers tununa', 'bm'],
    ['svp n mago bɛ dɛmɛ na', 'bm'],
    ['n b a fe ka formation ke', 'bm'],
    ['aidez moi, n denw bɛ kɔngɔ la', 'bm'],
    // French grammar around Bambara words
    ["je n'ai pas de wari", 'fr'],
    ['je cherche baara svp', 'fr'],
    ['mon fils est à Bamako, il a pas de travail', 'fr'],
    // English grammar around Bambara or French words
    ['I need wari for my kids', 'en'],
    ['please I need travail', 'en'],
    ['I have no papiers', 'en'],
  ])('takes the grammar words of a code-mixed text: %p is %s', (text, expected) => {
    expect(sut(text)).toBe(expected);
  });

  it('scores grammar words above content words', () => {
    const scores = languageScores('n mago bɛ argent la');
    expect(scores.bm).toBeGreaterThan(scores.fr * 2);
  });
});
