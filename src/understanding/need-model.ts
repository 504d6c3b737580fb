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

  constructor(readonly json: NeedModelJson) {
    this.known = new Set(json.vocabulary);
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
    const out = Object.fromEntries(MODEL_LABELS.map((l) => [l, 0])) as LabelScores;
    for (const view of views) {
      const feats = this.features(view);
      for (const label of MODEL_LABELS) {
        const { bias, weights } = this.json.labels[label];
        let z = bias;
        for (const f of feats) z += weights[f] ?? 0;
        // A strong cue word is one feature among the others, except in a message of a word or
        // three: forcing its need on in longer ones made every background mention ("my papers
        // are ready", "the operation is paid") a request.
        let score = sigmoid(z);
        if (short && feats.includes(`L:${label}`)) score = Math.max(score, STRONG_SCORE);
        // Without a single cue word for the need, the classifier's guess counts for less.
        if (label !== 'urgent' && !feats.includes(`L:${label}`)) score *= NO_CUE_FACTOR;
        // Urgency is read on the whole message only: a clause alone loses its context.
        if (label !== 'urgent' || view === parts) out[label] = Math.max(out[label], score);
      }
    }
    return out;
  }

  threshold(label: ModelLabel): number {
    return this.json.labels[label].threshold;
  }
}

// Stable JSON: weights are sorted and rounded at training time, so equal models give equal bytes.
export function serializeModel(model: NeedModelJson): string {
  return JSON.stringify(model) + '\n';
}
