import { readFileSync } from 'fs';
import {
  CORPUS_PATH,
  independentFiles,
  MODEL_PATH,
  readCorpus,
  readJsonl,
  readSplit,
} from './corpus';
import { serializeModel } from './need-model';
import { train } from './training';

describe('need model training', () => {
  it('keeps a held-out dev split of about a quarter of the composed messages that shares no message with train', () => {
    const composed = readJsonl(CORPUS_PATH);
    const trainTexts = new Set(readSplit('train').map((r) => r.text.toLowerCase()));
    const dev = readSplit('dev');

    expect(readCorpus().length).toBeGreaterThanOrEqual(1500);
    expect(dev.length / composed.length).toBeGreaterThan(0.2);
    expect(dev.length / composed.length).toBeLessThan(0.3);
    expect(dev.filter((r) => trainTexts.has(r.text.toLowerCase()))).toEqual([]);
  });

  it('trains on no message of a blind check file', () => {
    const trainTexts = new Set(readSplit('train').map((r) => r.text.toLowerCase()));
    const blind = independentFiles().flatMap(({ path }) => readJsonl(path));

    expect(blind.length).toBeGreaterThan(0);
    expect(blind.filter((r) => trainTexts.has(r.text.toLowerCase()))).toEqual([]);
  });

  it('reproduces the shipped model byte for byte from the train split', () => {
    const sut = train(readSplit('train'));

    // If this fails after a change to the corpus, the lexicon or the normaliser: npm run nlu:train
    expect(serializeModel(sut.model) === readFileSync(MODEL_PATH, 'utf8')).toBe(true);
  }, 900_000);
});
