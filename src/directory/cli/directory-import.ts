import { SingleBar } from 'cli-progress';
import { DirectoryImporter, formatReport } from '../import/directory-importer';
import { withDirectory } from './cli-context';

// npm run directory:import -- <file.json|file.csv|files.zip|folder> [...more] [--json]
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const asJson = args.includes('--json');
  const paths = args.filter((a) => !a.startsWith('--'));
  if (!paths.length) {
    console.error(
      'usage: npm run directory:import -- <file.json | table.csv | tables.zip | folder> [...] [--json]',
    );
    return 64;
  }
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: 'import [{bar}] {value}/{total} rows' })
    : null;
  const report = await withDirectory(async (app) => {
    let started = false;
    return app.get(DirectoryImporter).importPaths(paths, {
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
  });
  bar?.stop();
  console.log(asJson ? JSON.stringify(report, null, 2) : formatReport(report));
  // 2: imported, but some rows or files were refused
  return report.issueCount ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
