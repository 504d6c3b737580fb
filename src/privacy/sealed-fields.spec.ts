import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SEALED_FIELDS } from './sealed-fields';

const SRC = join(__dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? files(path)
      : path.endsWith('.ts') && !path.endsWith('.spec.ts')
        ? [path]
        : [];
  });

describe('SEALED_FIELDS', () => {
  // Where the code seals a value today, by the property it is stored under. A new sealed field fails
  // here until it is added to SEALED_FIELDS (or keys:rotate would leave it under the old key).
  it('lists every property the code encrypts', () => {
    const sealed = new Set<string>();
    for (const file of files(SRC).filter((f) => !f.includes(`${join('src', 'privacy')}`))) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /(\w+)\s*[:=]\s*(?:[^;\n]*\?\s*)?this\.cipher\.encrypt\(/g,
      )) {
        sealed.add(`${relative(SRC, file).split('/')[0]}:${m[1]}`);
      }
    }
    expect([...sealed].sort()).toEqual([
      'bot:data',
      'channels:bodyEnc',
      'channels:replyEnc',
      'contacts:phoneEnc',
      'handoff:note',
      'handoff:text',
      'outbox:bodyEnc',
      'outbox:toPhoneEnc',
    ]);
    const paths = SEALED_FIELDS.map((f) => f.path.split('.').at(-1));
    for (const property of sealed) expect(paths).toContain(property.split(':')[1]);
  });
});
