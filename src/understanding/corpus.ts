import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { NeedCode } from '../common/needs';

export interface CorpusRow {
  text: string;
  language: 'fr' | 'en' | 'bm';
  needs: NeedCode[];
  urgent: boolean;
  location: { region: string; place: string } | null;
  split?: 'train' | 'dev';
}

const DATA_DIR = join(__dirname, 'data');
// Messages composed from hand-written fragments by scripts/nlu-corpus.ts, each row with its split.
export const CORPUS_PATH = join(DATA_DIR, 'corpus.jsonl');
// Whole messages written one by one (one voice or theme per file), all for training: the
// blind checks below measure how the model does on messages written apart from them.
export const WRITTEN_DIR = join(DATA_DIR, 'written');
export const MODEL_PATH = join(__dirname, 'model', 'needs-model.json');

export function readJsonl(path: string): CorpusRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusRow);
}

function writtenRows(): CorpusRow[] {
  if (!existsSync(WRITTEN_DIR)) return [];
  return readdirSync(WRITTEN_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readJsonl(join(WRITTEN_DIR, f)).map((row) => ({ ...row, split: 'train' as const })),
    );
}

// Every labelled row Sira learns from or is checked on, composed and written. A training message
// that happens to be a dev or blind-check message word for word ("ok", "I need work") stays out
// of training, so neither measures messages the model has seen.
export function readCorpus(): CorpusRow[] {
  const composed = readJsonl(CORPUS_PATH);
  const held = new Set(
    [
      ...composed.filter((r) => r.split === 'dev'),
      ...independentFiles().flatMap(({ path }) => readJsonl(path)),
    ].map((r) => r.text.toLowerCase()),
  );
  const blindOrDev = (r: CorpusRow): boolean => held.has(r.text.toLowerCase());
  return [
    ...composed.filter((r) => r.split === 'dev' || !blindOrDev(r)),
    ...writtenRows().filter((r) => !blindOrDev(r)),
  ];
}

export function readSplit(split: 'train' | 'dev'): CorpusRow[] {
  return readCorpus().filter((r) => r.split === split);
}

// Blind checks (data/independent*.jsonl): each written before the round of changes it
// measures, by someone who never saw the corpus; never trained or tuned on. Once its misses
// have been read a file is no longer blind and moves to written/check-NN.jsonl (training).
export function independentFiles(): { name: string; path: string }[] {
  return readdirSync(DATA_DIR)
    .filter((f) => /^independent.*\.jsonl$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.jsonl$/, ''), path: join(DATA_DIR, f) }));
}
