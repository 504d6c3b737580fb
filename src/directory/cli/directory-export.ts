import { writeFileSync } from 'node:fs';
import { DirectoryStore } from '../directory.store';
import { documentFromSnapshot } from '../hsds/hsds-json';
import { withDirectory } from './cli-context';

// npm run directory:export [-- --out file.json]   (stdout when no --out)
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  if (outAt >= 0 && !out) {
    console.error('usage: npm run directory:export [-- --out file.json]');
    return 64;
  }
  const doc = await withDirectory(async (app) =>
    documentFromSnapshot(await app.get(DirectoryStore).snapshot()),
  );
  const text = `${JSON.stringify(doc, null, 1)}\n`;
  if (out) {
    writeFileSync(out, text);
    const services = (doc.services as unknown[]).length;
    console.error(`Exported ${services} services to ${out}`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
