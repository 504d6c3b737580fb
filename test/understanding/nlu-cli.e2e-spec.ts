import { spawn } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Runs an npm script the way the contract says: `npm run --silent <script>`, stdin piped in.
function run(script: string, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: ROOT,
      env: { ...process.env, DOTENV_CONFIG_QUIET: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('npm run nlu:classify', () => {
  it('answers every input line with one JSON line, in order, and prints nothing else', async () => {
    const input = [
      JSON.stringify({ text: 'slt jsuis rentré de libye jai rien pr manger', id: 7 }),
      'this is not json',
      JSON.stringify({ text: 'I need work please any work, I dey Kayes' }),
      JSON.stringify({ nope: 1 }),
      JSON.stringify({ text: "n b'a fɛ ka sa" }),
      '',
      JSON.stringify({ text: 'bonjour' }),
    ].join('\n');

    const sut = await run('nlu:classify', `${input}\n`);

    expect(sut.code).toBe(0);
    const lines = sut.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(7);
    const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of out) {
      expect(Object.keys(o)).toEqual([
        'text',
        'language',
        'needs',
        'urgent',
        'location',
        'confidence',
      ]);
    }
    expect(out[0]).toMatchObject({
      text: 'slt jsuis rentré de libye jai rien pr manger',
      language: 'fr',
      needs: ['food'],
      urgent: false,
      location: null,
    });
    expect(out[1]).toEqual({
      text: '',
      language: 'unknown',
      needs: [],
      urgent: false,
      location: null,
      confidence: 0,
    });
    expect(out[2]).toMatchObject({
      language: 'en',
      needs: ['employment'],
      location: { region: 'Kayes', place: 'Kayes' },
    });
    expect(out[3]).toMatchObject({ text: '', needs: [], urgent: false });
    expect(out[4]).toMatchObject({ language: 'bm', urgent: true });
    expect(out[5]).toMatchObject({ text: '', needs: [] });
    expect(out[6]).toMatchObject({ text: 'bonjour', needs: [], urgent: false });
  });

  it('handles a thousand lines in one run', async () => {
    const texts = [
      'je cherche du travail à Ségou',
      'my husband beats me',
      'n mago bɛ dumuni la',
      'merci',
    ];
    const input = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({ text: `${texts[i % 4]} ${i}` }),
    ).join('\n');

    const sut = await run('nlu:classify', input);

    const lines = sut.stdout.trim().split('\n');
    expect(lines).toHaveLength(1000);
    expect((JSON.parse(lines[999]) as { text: string }).text).toBe('merci 999');
  });
});

describe('npm run nlu:eval', () => {
  it('prints the figures on the dev split and each blind check file', async () => {
    const sut = await run('nlu:eval');

    expect(sut.code).toBe(0);
    expect(sut.stdout).toMatch(/== independent-\d+ file/);
    for (const label of [
      'dev split',
      'needs micro-F1',
      'exact match',
      'language accuracy',
      'location accuracy',
      'urgent recall',
      'urgent precision',
      'mental_health',
    ]) {
      expect(sut.stdout).toContain(label);
    }
  });
});
