import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AppConfig } from '../config/app-config';
import { ConsoleAssets } from './console-assets';

describe('ConsoleAssets', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sira-console-'));
  const sut = new ConsoleAssets(
    AppConfig.load({ NODE_ENV: 'test', DATA_DIR: dataDir, SMS_SEGMENT_BUDGET: '3' }),
  );

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stays light for slow links: the whole first load is under 100 kB gzipped', () => {
    const total = sut.totalGzipBytes();
    process.stdout.write(`console first load: ${total} bytes gzipped\n`);
    expect(total).toBeLessThan(100 * 1024);
  });

  it('tells the page the SMS segment budget', () => {
    expect(sut.file('index.html')!.body.toString()).toContain(
      '<meta name="sms-budget" content="3">',
    );
  });

  it('serves gzip that unpacks to the same bytes, with a stable ETag', () => {
    const js = sut.file('console.js')!;
    expect(gunzipSync(js.gzip).equals(js.body)).toBe(true);
    expect(js.etag).toMatch(/^"[\w-]+"$/);
  });

  it('carries the console strings of every language', () => {
    for (const lng of ['fr', 'en', 'bm'] as const) {
      const strings = JSON.parse(sut.locale(lng)!.body.toString()) as { nav: { queue: string } };
      expect(strings.nav.queue).toBeTruthy();
    }
    expect(sut.file('../secrets')).toBeUndefined();
  });
});
