import { Analyzer } from './analyzer';
import { readSplit } from './corpus';
import { evaluate, TARGETS } from './evaluation';

describe('understanding quality on the held-out dev split', () => {
  const { metrics } = evaluate(readSplit('dev'), (text) => Analyzer.load().analyze(text));

  it.each(Object.entries(TARGETS))('keeps %s at or above its target', (name, target) => {
    expect(metrics[name as keyof typeof TARGETS]).toBeGreaterThanOrEqual(target);
  });
});
