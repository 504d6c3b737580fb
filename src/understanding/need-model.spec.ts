import { MODEL_LABELS, NeedModel, type ModelLabel, type NeedModelJson } from './need-model';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function modelJson(weights: Partial<Record<ModelLabel, Record<string, number>>>): NeedModelJson {
  const labels = Object.fromEntries(
    MODEL_LABELS.map((l, k) => [l, { bias: -2, weights: weights[l] ?? {}, threshold: k / 100 }]),
  ) as NeedModelJson['labels'];
  return { version: 1, vocabulary: [], labels };
}

describe('NeedModel', () => {
  // Words with no lexicon cue, so only the weights below count.
  const parts = [['zzqx', 'yyqx', 'qqqx']];

  it('sums each label its own weights over the message features, and 0 for a feature it lacks', () => {
    const sut = new NeedModel(
      modelJson({
        employment: { 'w:zzqx': 3 },
        health: { 'w:zzqx': 1, 'w:yyqx': 2 },
        urgent: { 'w:qqqx': 5 },
      }),
    );

    const scores = sut.scores(parts);

    // No cue word for the need: the guess counts for 0.8; urgency has no such factor.
    expect(scores.employment).toBeCloseTo(sigmoid(1) * 0.8, 12);
    expect(scores.health).toBeCloseTo(sigmoid(1) * 0.8, 12);
    expect(scores.food).toBeCloseTo(sigmoid(-2) * 0.8, 12);
    expect(scores.urgent).toBeCloseTo(sigmoid(3), 12);
  });

  it('scores a feature repeated across clauses once per view and keeps the best view', () => {
    const sut = new NeedModel(modelJson({ shelter: { 'w:zzqx': 4, 'w:yyqx': -6 } }));

    // Whole message: -2 + 4 - 6; the first clause alone: -2 + 4.
    const scores = sut.scores([['zzqx'], ['yyqx']]);

    expect(scores.shelter).toBeCloseTo(sigmoid(2) * 0.8, 12);
  });

  it('gives each label the threshold it was trained with', () => {
    const sut = new NeedModel(modelJson({}));

    expect(MODEL_LABELS.map((l) => sut.threshold(l))).toEqual(MODEL_LABELS.map((_, k) => k / 100));
  });
});
