import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { LOCALES_DIR } from '../common/i18n/i18n.service';
import { Lang, LANGS } from '../common/i18n/lang';

export interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

const PUBLIC_DIR = join(__dirname, 'public');

const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'sms.js': 'text/javascript; charset=utf-8',
};

// The console's few files, read and gzipped once at boot: slow links get small, cacheable responses.
@Injectable()
export class ConsoleAssets {
  private readonly files = new Map<string, Asset>();
  private readonly locales = new Map<Lang, Asset>();

  constructor(config: AppConfig) {
    for (const [name, type] of Object.entries(FILES)) {
      let text = readFileSync(join(PUBLIC_DIR, name), 'utf8');
      if (name === 'index.html')
        text = text.replace('__SMS_BUDGET__', String(config.smsSegmentBudget));
      this.files.set(name, asset(type, Buffer.from(text)));
    }
    for (const lng of LANGS) {
      const json = JSON.parse(
        readFileSync(join(LOCALES_DIR, lng, 'console.json'), 'utf8'),
      ) as unknown;
      this.locales.set(
        lng,
        asset('application/json; charset=utf-8', Buffer.from(JSON.stringify(json))),
      );
    }
  }

  file(name: string): Asset | undefined {
    return this.files.get(name);
  }

  locale(lng: Lang): Asset | undefined {
    return this.locales.get(lng);
  }

  // Bytes a first visit downloads, gzipped (for the bandwidth budget).
  totalGzipBytes(): number {
    const fr = this.locales.get('fr')!.gzip.length;
    return [...this.files.values()].reduce((sum, a) => sum + a.gzip.length, fr);
  }
}

function asset(type: string, body: Buffer): Asset {
  return {
    type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  };
}
