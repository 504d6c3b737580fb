import { request } from 'node:http';
import { createTestApp, TestApp } from '../harness/app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
}

// Node's fetch unpacks gzip silently; this reads the bytes as they travel.
function raw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    })
      .on('error', reject)
      .end();
  });
}

describe('console static files (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves the page without a token, gzipped, with a strict CSP', async () => {
    const res = await raw(`${t.baseUrl}/console`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers 304 when the browser already has the file', async () => {
    const first = await raw(`${t.baseUrl}/console/console.js`);
    const again = await raw(`${t.baseUrl}/console/console.js`, {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.bytes).toBe(0);
  });

  it('keeps a first visit under 100 kB on the wire', async () => {
    const paths = [
      '/console',
      '/console/console.css',
      '/console/sms.js',
      '/console/console.js',
      '/console/i18n/fr.json',
    ];
    const sizes = await Promise.all(
      paths.map((p) => raw(`${t.baseUrl}${p}`, { 'accept-encoding': 'gzip, deflate, br' })),
    );
    expect(sizes.map((s) => s.status)).toEqual(paths.map(() => 200));
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    process.stdout.write(`console first visit on the wire: ${total} bytes\n`);
    expect(total).toBeLessThan(100 * 1024);
  });

  it('serves only the known files and languages', async () => {
    expect((await raw(`${t.baseUrl}/console/i18n/en.json`)).status).toBe(200);
    expect((await raw(`${t.baseUrl}/console/i18n/de.json`)).status).toBe(404);
    expect((await raw(`${t.baseUrl}/console/app.module.js`)).status).toBe(404);
    expect((await raw(`${t.baseUrl}/console/..%2Fapp.module.ts`)).status).toBe(404);
  });
});
