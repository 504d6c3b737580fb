// stdin: JSON lines {"text": "..."}; stdout: one JSON line per input line, in order:
// {"text","language","needs","urgent","location","confidence"}. Nothing else goes to stdout.
process.env.DOTENV_CONFIG_QUIET = 'true';
import { createInterface } from 'readline';
import { Analyzer, EMPTY_ANALYSIS, type Analysis } from '../src/understanding/analyzer';

function textOf(line: string): string | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && 'text' in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === 'string') return text;
    }
  } catch {
    // Not JSON: answered with an empty analysis below so that output lines stay aligned.
  }
  return null;
}

function outputLine(text: string, a: Analysis): string {
  const { language, needs, urgent, location, confidence } = a;
  return JSON.stringify({ text, language, needs, urgent, location, confidence });
}

function main(): void {
  const analyzer = Analyzer.load();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buffer: string[] = [];
  const flush = (): void => {
    if (buffer.length) process.stdout.write(buffer.join(''));
    buffer = [];
  };
  lines.on('line', (line) => {
    const text = textOf(line);
    let analysis: Analysis = EMPTY_ANALYSIS;
    if (text !== null) {
      try {
        analysis = analyzer.analyze(text);
      } catch (err) {
        process.stderr.write(`nlu:classify: ${(err as Error).message}\n`);
      }
    }
    buffer.push(outputLine(text ?? '', analysis) + '\n');
    if (buffer.length >= 200) flush();
  });
  lines.on('close', flush);
}

main();
