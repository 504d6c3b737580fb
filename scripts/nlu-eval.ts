// Prints need, language, location and urgency figures on the dev split and each blind check file.
// Run: npm run nlu:eval [-- --misses]
process.env.DOTENV_CONFIG_QUIET = 'true';
import { NEED_CODES } from '../src/common/needs';
import { Analyzer } from '../src/understanding/analyzer';
import {
  independentFiles,
  readJsonl,
  readSplit,
  type CorpusRow,
} from '../src/understanding/corpus';
import { evaluate, TARGETS } from '../src/understanding/evaluation';

const analyzer = Analyzer.load();
const showMisses = process.argv.includes('--misses');
const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

function report(name: string, rows: CorpusRow[]): void {
  const started = Date.now();
  const { metrics: m, misses } = evaluate(rows, (t) => analyzer.analyze(t));
  console.log(`\n== ${name}: ${m.count} messages (${Date.now() - started} ms)`);
  for (const n of NEED_CODES) {
    const p = m.perNeed[n];
    console.log(
      `  ${n.padEnd(20)} F1 ${pct(p.f1)}  P ${pct(p.precision)}  R ${pct(p.recall)}  n=${p.support}`,
    );
  }
  const line = (label: string, value: number, target: number): void =>
    console.log(
      `  ${label.padEnd(20)} ${pct(value)}  (target ${pct(target)}) ${value >= target ? 'ok' : 'BELOW'}`,
    );
  line('needs micro-F1', m.microF1, TARGETS.microF1);
  line('exact match', m.exactMatch, TARGETS.exactMatch);
  line('language accuracy', m.languageAccuracy, TARGETS.languageAccuracy);
  line('location accuracy', m.locationAccuracy, TARGETS.locationAccuracy);
  line('urgent recall', m.urgentRecall, TARGETS.urgentRecall);
  line('urgent precision', m.urgentPrecision, TARGETS.urgentPrecision);
  if (showMisses) for (const miss of misses) console.log(JSON.stringify(miss));
}

report('dev split', readSplit('dev'));
for (const { name, path } of independentFiles()) report(`${name} file`, readJsonl(path));
