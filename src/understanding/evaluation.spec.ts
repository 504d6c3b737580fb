import { Analyzer } from './analyzer';
import { readSplit } from './corpus';
import { evaluate, TARGETS } from './evaluation';

// The dev split shares no wording with training (every fragment belongs to one split), which is
// stricter than a split by message. Every target of the issue is asserted on it.
describe('understanding quality on the held-out dev split', () => {
  const analyzer = Analyzer.load();
  const { metrics } = evaluate(readSplit('dev'), (text) => analyzer.analyze(text));

  it.each([
    'microF1',
    'exactMatch',
    'languageAccuracy',
    'locationAccuracy',
    'urgentRecall',
    'urgentPrecision',
  ] as const)('keeps %s at or above the target', (name) => {
    expect(metrics[name]).toBeGreaterThanOrEqual(TARGETS[name]);
  });
});
