import { NEED_CODES, type NeedCode } from '../common/needs';
import { featuresOf } from './features';

export type ModelLabel = NeedCode | 'urgent';
export const MODEL_LABELS: readonly ModelLabel[] = [...NEED_CODES, 'urgent'];

// The shipped model: one logistic regression per label over sparse binary features.
export interface NeedModelJson {
  version: 1;
  vocabulary: string[];
  labels: Record<ModelLabel, { bias: number; weights: Record<string, number>; threshold: number }>;
}

export type LabelScores = Record<ModelLabel, number>;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const NO_CUE_FACTOR = 0.8;
// A message this short is its request: "baara", "work pls", "wari tɛ".
const SHORT_MESSAGE = 3;
const STRONG_SCORE = 0.95;

export class NeedModel {
  private readonly known: Set<string>;
  // Weights dense and off the object heap: feature -> row, one column per label (MODEL_LABELS
  // order). As 15 dictionaries of ~300 000 boxed numbers they made every major GC mark them.
  private readonly rows = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  private readonly cutoffs: Float64Array;

  constructor(json: NeedModelJson) {
    this.known = new Set(json.vocabulary);
    const width = MODEL_LABELS.length;
    for (const label of MODEL_LABELS) {
      for (const f of Object.keys(json.labels[label].weights)) {
        if (!this.rows.has(f)) this.rows.set(f, this.rows.size);
      }
    }
    this.weights = new Float64Array(this.rows.size * width);
    MODEL_LABELS.forEach((label, l) => {
      for (const [f, w] of Object.entries(json.labels[label].weights)) {
        this.weights[this.rows.get(f)! * width + l] = w;
      }
    });
    this.bias = Float64Array.from(MODEL_LABELS, (l) => json.labels[l].bias);
    this.cutoffs = Float64Array.from(MODEL_LABELS, (l) => json.labels[l].threshold);
  }

  isKnown = (word: string): boolean => this.known.has(word);

  features(parts: string[][]): string[] {
    return featuresOf(parts, this.isKnown);
  }

  // Each label scored on the whole message and on each clause; the highest counts, so that
  // the second need of "no work and my kids are out of school" is not drowned by the first.
  scores(parts: string[][]): LabelScores {
    const views = parts.length > 1 ? [parts, ...parts.map((p) => [p])] : [parts];
    const short = parts.flat().length <= SHORT_MESSAGE;
    const width = MODEL_LABELS.length;
    const out = Object.fromEntries(MODEL_LABELS.map((l) => [l, 0])) as LabelScores;
    for (const view of views) {
      const feats = this.features(view);
      const rows = feats.flatMap((f) => this.rows.get(f) ?? []);
      MODEL_LABELS.forEach((label, l) => {
        let z = this.bias[l];
        for (const row of rows) z += this.weights[row * width + l];
        // A strong cue word is one feature among the others, except in a message of a word or
        // three: forcing its need on in longer ones made every background mention ("my papers
        // are ready", "the operation is paid") a request.
        let score = sigmoid(z);
        if (short && feats.includes(`L:${label}`)) score = Math.max(score, STRONG_SCORE);
        // Without a single cue word for the need, the classifier's guess counts for less.
        if (label !== 'urgent' && !feats.includes(`L:${label}`)) score *= NO_CUE_FACTOR;
        // Urgency is read on the whole message only: a clause alone loses its context.
        if (label !== 'urgent' || view === parts) out[label] = Math.max(out[label], score);
      });
    }
    return out;
  }

  threshold(label: ModelLabel): number {
    return this.cutoffs[MODEL_LABELS.indexOf(label)];
  }
}

// Stable JSON: weights are sorted and rounded at training time, so equal models give equal bytes.
export function serializeModel(model: NeedModelJson): string {
  return JSON.stringify(model) + '\n';
}
