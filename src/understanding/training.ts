import type { CorpusRow } from './corpus';
import { clauses, featuresOf, words } from './features';
import { MODEL_LABELS, NeedModel, type ModelLabel, type NeedModelJson } from './need-model';

// Training is deterministic: fixed seed, fixed order, fixed rounding.
const EPOCHS = 30;
const LEARNING_RATE = 0.4;
const L2 = 1e-2;
const FOLDS = 5;
const SEED = 4242;
const DROPOUT = 0.2;
const LEX_ONLY = 0;
const MIN_WEIGHT = 0.05;
const MIN_THRESHOLD = 0.2;
const MAX_THRESHOLD = 0.6;

interface Example {
  features: string[];
  labels: Set<ModelLabel>;
}

// Hot-loop maths bound once: under jest's vm sandbox every global lookup (Math) is slow.
const { imul, exp } = Math;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function labelsOf(row: CorpusRow): Set<ModelLabel> {
  const labels = new Set<ModelLabel>(row.needs);
  if (row.urgent) labels.add('urgent');
  return labels;
}

// Rows with their clauses worked out once (normalisation is the slow part).
interface Prepared {
  row: CorpusRow;
  parts: string[][];
  tokens: string[];
}

function vocabularyOf(rows: Prepared[]): string[] {
  return [...new Set(rows.flatMap((r) => r.parts.flat()))].sort();
}

function examplesOf(rows: Prepared[], vocabulary: string[]): Example[] {
  const known = new Set(vocabulary);
  const isKnown = (w: string): boolean => known.has(w);
  return rows.map(({ row, parts }) => ({
    features: featuresOf(parts, isKnown),
    labels: labelsOf(row),
  }));
}

const sigmoid = (z: number): number => 1 / (1 + exp(-z));

// Plain SGD on the logistic loss, one binary model per label, lazy L2 on touched weights.
// Word features are dropped at random (seeded) so that the lexicon cues carry weight of their own
// and the model still works on wordings it has not seen.
function fitLabel(
  examples: Example[],
  index: Map<string, number>,
  label: ModelLabel,
): { bias: number; weights: Float64Array } {
  const rand = rng(SEED);
  const weights = new Float64Array(index.size);
  const rows = examples.map((ex) => ({
    ids: Int32Array.from(ex.features.map((f) => index.get(f) ?? -1).filter((i) => i >= 0)),
    lex: ex.features.map((f) => /^[LTCS]:/.test(f)),
    y: ex.labels.has(label) ? 1 : 0,
  }));
  let bias = 0;
  let step = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const ex of shuffled(rows, rand)) {
      const rate = LEARNING_RATE / (1 + step++ * 1e-4);
      // Half of the time the example is seen through its lexicon cues only.
      const lexOnly = rand() < LEX_ONLY;
      const active: number[] = [];
      ex.ids.forEach((id, k) => {
        if (ex.lex[k] || (!lexOnly && rand() >= DROPOUT)) active.push(id);
      });
      let z = bias;
      for (const id of active) z += weights[id];
      const err = sigmoid(z) - ex.y;
      bias -= rate * err;
      for (const id of active) weights[id] -= rate * (err + L2 * weights[id]);
    }
  }
  return { bias, weights };
}

const round = (x: number): number => Math.round(x * 1e3) / 1e3;

function fit(rows: Prepared[], thresholds: Record<ModelLabel, number>): NeedModelJson {
  const vocabulary = vocabularyOf(rows);
  const examples = examplesOf(rows, vocabulary);
  const names = [...new Set(examples.flatMap((ex) => ex.features))].sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const labels = {} as NeedModelJson['labels'];
  for (const label of MODEL_LABELS) {
    const { bias, weights } = fitLabel(examples, index, label);
    const kept: Record<string, number> = {};
    names.forEach((f, i) => {
      const w = round(weights[i]);
      if (Math.abs(w) >= MIN_WEIGHT) kept[f] = w;
    });
    labels[label] = { bias: round(bias), weights: kept, threshold: thresholds[label] };
  }
  return { version: 1, vocabulary, labels };
}

// Threshold from out-of-fold F1: the lowest one within a point of the best, since a missed
// need costs the person more than one extra suggestion.
function bestF1Threshold(scores: number[], truth: boolean[]): number {
  const grid = Array.from({ length: 19 }, (_, i) => round(0.05 + i * 0.05));
  const f1s = grid.map((t) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    scores.forEach((s, i) => {
      if (s >= t && truth[i]) tp++;
      else if (s >= t) fp++;
      else if (truth[i]) fn++;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  // Smoothed over neighbouring thresholds so that one lucky point does not decide.
  const smooth = f1s.map((_, i) => {
    const window = f1s.slice(Math.max(0, i - 1), i + 2);
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
  const best = Math.max(...smooth);
  // The middle of the plateau within a point of the best: its edges move with every retrain.
  const plateau = grid.filter((_, i) => smooth[i] >= best - 0.01);
  const chosen = plateau[Math.floor((plateau.length - 1) / 2)] ?? 0.5;
  // The curves are flat near their top; extreme picks only chase noise between folds.
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, chosen));
}

// Urgent threshold: every out-of-fold crisis would pass on its score alone, with a safety margin.
// Crises the patterns catch count too: patterns are written for the training wordings, so the
// score is the safety net for the wordings they will miss (when unsure, urgent).
function urgentThreshold(scores: number[], examples: Example[]): number {
  let lowest = 1;
  examples.forEach((ex, i) => {
    if (ex.labels.has('urgent')) lowest = Math.min(lowest, scores[i]);
  });
  return round(Math.max(MIN_THRESHOLD, Math.min(0.5, lowest * 0.8)));
}

export interface TrainReport {
  model: NeedModelJson;
  thresholds: Record<ModelLabel, number>;
  // Needs micro-F1 of the out-of-fold scores at the chosen thresholds (a train-only estimate).
  crossValidatedMicroF1: number;
}

function microF1(
  oof: Record<ModelLabel, number[]>,
  examples: Example[],
  thresholds: Record<ModelLabel, number>,
): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const label of MODEL_LABELS) {
    if (label === 'urgent') continue;
    examples.forEach((ex, i) => {
      const has = oof[label][i] >= thresholds[label];
      const want = ex.labels.has(label);
      if (has && want) tp++;
      else if (has) fp++;
      else if (want) fn++;
    });
  }
  return round((2 * tp) / (2 * tp + fp + fn));
}

// Thresholds come from 5-fold cross-validation on the training rows; dev is never seen.
export function train(corpus: CorpusRow[]): TrainReport {
  const rows: Prepared[] = corpus.map((row) => ({
    row,
    parts: clauses(row.text),
    tokens: words(row.text),
  }));
  // Folds by cue signature: messages built on the same wording land in the same fold, so the
  // out-of-fold scores look like scores on wordings never seen (as on dev and in real life).
  const signature = (r: Prepared): string =>
    featuresOf(r.parts)
      .filter((f) => f.startsWith('T:'))
      .sort()
      .join('|') || r.tokens.join(' ');
  const groups = [...new Set(rows.map(signature))].sort();
  const groupFold = new Map(shuffled(groups, rng(SEED + 1)).map((g, k) => [g, k % FOLDS]));
  const fold = rows.map((r) => groupFold.get(signature(r)) ?? 0);
  const oof: Record<ModelLabel, number[]> = Object.fromEntries(
    MODEL_LABELS.map((l) => [l, new Array<number>(rows.length).fill(0)]),
  ) as Record<ModelLabel, number[]>;
  const neutral = Object.fromEntries(MODEL_LABELS.map((l) => [l, 0.5])) as Record<
    ModelLabel,
    number
  >;

  for (let k = 0; k < FOLDS; k++) {
    const trainRows = rows.filter((_, i) => fold[i] !== k);
    const model = new NeedModel(fit(trainRows, neutral));
    rows.forEach((r, i) => {
      if (fold[i] !== k) return;
      const scores = model.scores(r.parts);
      for (const l of MODEL_LABELS) oof[l][i] = scores[l];
    });
  }

  const all = examplesOf(rows, vocabularyOf(rows));
  const thresholds = {} as Record<ModelLabel, number>;
  for (const label of MODEL_LABELS) {
    thresholds[label] =
      label === 'urgent'
        ? urgentThreshold(oof.urgent, all)
        : bestF1Threshold(
            oof[label],
            all.map((ex) => ex.labels.has(label)),
          );
  }
  return {
    model: fit(rows, thresholds),
    thresholds,
    crossValidatedMicroF1: microF1(oof, all, thresholds),
  };
}
