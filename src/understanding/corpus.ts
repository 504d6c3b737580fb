import { readFileSync } from 'fs';
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

export const CORPUS_PATH = join(__dirname, 'data', 'corpus.jsonl');
export const INDEPENDENT_PATH = join(__dirname, 'data', 'independent.jsonl');
// A second blind check, written before the round of changes it measures; never tuned on.
export const INDEPENDENT_2_PATH = join(__dirname, 'data', 'independent-2.jsonl');
// A third blind check (130 messages), written before the round of changes it measures.
export const INDEPENDENT_3_PATH = join(__dirname, 'data', 'independent-3.jsonl');
export const MODEL_PATH = join(__dirname, 'model', 'needs-model.json');

export function readJsonl(path: string): CorpusRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusRow);
}

export function readSplit(split: 'train' | 'dev'): CorpusRow[] {
  return readJsonl(CORPUS_PATH).filter((r) => r.split === split);
}
