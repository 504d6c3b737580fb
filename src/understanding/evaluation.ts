import { NEED_CODES, type NeedCode } from '../common/needs';
import type { Analysis } from './analyzer';
import type { CorpusRow } from './corpus';

export interface Metrics {
  count: number;
  perNeed: Record<NeedCode, { f1: number; precision: number; recall: number; support: number }>;
  microF1: number;
  exactMatch: number;
  languageAccuracy: number;
  locationAccuracy: number;
  urgentRecall: number;
  urgentPrecision: number;
}

export interface Miss {
  text: string;
  expected: Pick<CorpusRow, 'needs' | 'urgent' | 'language' | 'location'>;
  got: Pick<Analysis, 'needs' | 'urgent' | 'language' | 'location'>;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const f1 = (tp: number, fp: number, fn: number): number =>
  tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);

const sameLocation = (a: CorpusRow['location'], b: Analysis['location']): boolean =>
  a === null || b === null ? a === b : a.region === b.region && a.place === b.place;

export function evaluate(
  rows: CorpusRow[],
  analyze: (text: string) => Analysis,
): { metrics: Metrics; misses: Miss[] } {
  const counts = Object.fromEntries(NEED_CODES.map((n) => [n, { tp: 0, fp: 0, fn: 0 }])) as Record<
    NeedCode,
    { tp: number; fp: number; fn: number }
  >;
  let exact = 0;
  let lang = 0;
  let loc = 0;
  let utp = 0;
  let ufp = 0;
  let ufn = 0;
  const misses: Miss[] = [];
  for (const row of rows) {
    const got = analyze(row.text);
    for (const n of NEED_CODES) {
      const want = row.needs.includes(n);
      const has = got.needs.includes(n);
      if (want && has) counts[n].tp++;
      else if (has) counts[n].fp++;
      else if (want) counts[n].fn++;
    }
    const needsOk =
      row.needs.length === got.needs.length && row.needs.every((n) => got.needs.includes(n));
    if (needsOk) exact++;
    if (row.language === got.language) lang++;
    const locOk = sameLocation(row.location, got.location);
    if (locOk) loc++;
    if (row.urgent && got.urgent) utp++;
    else if (got.urgent) ufp++;
    else if (row.urgent) ufn++;
    if (!needsOk || row.urgent !== got.urgent || row.language !== got.language || !locOk) {
      misses.push({
        text: row.text,
        expected: {
          needs: row.needs,
          urgent: row.urgent,
          language: row.language,
          location: row.location,
        },
        got: {
          needs: got.needs,
          urgent: got.urgent,
          language: got.language,
          location: got.location,
        },
      });
    }
  }
  const perNeed = {} as Metrics['perNeed'];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const n of NEED_CODES) {
    const c = counts[n];
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    perNeed[n] = {
      f1: f1(c.tp, c.fp, c.fn),
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
      support: c.tp + c.fn,
    };
  }
  return {
    metrics: {
      count: rows.length,
      perNeed,
      microF1: f1(tp, fp, fn),
      exactMatch: ratio(exact, rows.length),
      languageAccuracy: ratio(lang, rows.length),
      locationAccuracy: ratio(loc, rows.length),
      urgentRecall: ratio(utp, utp + ufn),
      urgentPrecision: ratio(utp, utp + ufp),
    },
    misses,
  };
}

export const TARGETS = {
  microF1: 0.9,
  exactMatch: 0.75,
  languageAccuracy: 0.97,
  locationAccuracy: 0.98,
  urgentRecall: 1,
  urgentPrecision: 0.8,
} as const;
