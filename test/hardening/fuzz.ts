import { randomBytes } from 'node:crypto';

// Seeded generators for the fuzz test: the same seed yields the same requests, so a failure reproduces
// with FUZZ_SEED=<seed> (printed with every failure).
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  // mulberry32
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

export const INJECTIONS = [
  '{"$gt": ""}',
  '{"$ne": null}',
  '$where',
  'this.constructor.constructor("return process")().exit()',
  '{"$where": "sleep(1000)"}',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__": {"admin": true}}',
  "'; DROP TABLE contacts; --",
  '<script>alert(1)</script>',
  ']]><Message>injected</Message><![CDATA[',
  '&lt;Response&gt;',
  '${7*7}{{7*7}}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '\u0000',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'STOP',
  'AGENT',
  'MENU',
  'AIDE',
  'oui',
  '1',
];

const EMOJI = ['😀', '🙏🏿', '👨‍👩‍👧‍👦', '🇲🇱', '❤️', '🔥', '\u{1F9D1}\u{200D}\u{1F33E}'];
const SCRIPTS = [
  'ɛɔɲŋ',
  'ߒߞߏ',
  'مرحبا',
  '你好',
  'Ωμέγα',
  'ñandú',
  'İıŞş',
  '\u202Eevil\u202C',
  'a\u0301\u0301\u0301',
];
const WORDS = [
  'bonjour',
  'je cherche du travail',
  'kayes',
  'bamako',
  'i ni ce',
  'n mago bɛ',
  'help me',
  'santé',
  'logement',
];

export function nastyText(rng: Rng): string {
  switch (rng.int(10)) {
    case 0:
      return rng.pick(INJECTIONS);
    case 1:
      return Array.from({ length: 1 + rng.int(40) }, () => rng.pick(EMOJI)).join('');
    case 2:
      return Array.from({ length: 1 + rng.int(60) }, () => String.fromCharCode(rng.int(32))).join(
        '',
      );
    case 3:
      // Long texts: up to 50 kB.
      return rng
        .pick(WORDS)
        .repeat(1 + rng.int(50_000 / 8))
        .slice(0, 1 + rng.int(50_000));
    case 4:
      return Array.from({ length: 1 + rng.int(30) }, () => rng.pick(SCRIPTS)).join(' ');
    case 5:
      return '';
    case 6:
      return Array.from({ length: 1 + rng.int(200) }, () =>
        String.fromCharCode(rng.int(0xffff)),
      ).join('');
    case 7:
      return `${rng.pick(WORDS)} ${rng.pick(INJECTIONS)} ${rng.pick(EMOJI)}`;
    case 8:
      return ' \t\r\n'.repeat(1 + rng.int(20));
    default:
      return `${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
  }
}

const KEYS = [
  'email',
  'password',
  'role',
  'regions',
  'refreshToken',
  'name',
  'status',
  'text',
  'note',
  'reason',
  'toUserId',
  'need',
  'needs',
  'place',
  'region',
  'q',
  'id',
  'description',
  'organization_id',
  'active',
  '$gt',
  '$where',
  '$ne',
  '__proto__',
  'constructor',
  'prototype',
  '',
];

export function nastyJson(rng: Rng, depth = 0): unknown {
  const kind = depth > 3 ? rng.int(5) : rng.int(8);
  switch (kind) {
    case 0:
      return nastyText(rng);
    case 1:
      return rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 2:
      return rng.chance(0.5);
    case 3:
      return null;
    case 4:
      return rng.pick([
        { $gt: '' },
        { $ne: null },
        { $where: 'return true' },
        { $regex: '.*' },
        { $in: [] },
      ]);
    case 5:
      return Array.from({ length: rng.int(5) }, () => nastyJson(rng, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(6); i > 0; i--) out[rng.pick(KEYS)] = nastyJson(rng, depth + 1);
      return out;
    }
  }
}

// A raw body string: JSON text (valid or cut), random bytes, invalid UTF-8, form text.
export function nastyRawBody(rng: Rng): Buffer {
  switch (rng.int(6)) {
    case 0:
      return rng.bytes(rng.int(2000));
    case 1:
      // Invalid UTF-8: lone continuation bytes, overlong forms, surrogates encoded as UTF-8.
      return Buffer.from([
        0xc0,
        0x80,
        0xff,
        0xfe,
        0xed,
        0xa0,
        0x80,
        0x80,
        ...rng.bytes(rng.int(50)),
      ]);
    case 2: {
      const text = JSON.stringify(nastyJson(rng)) ?? 'null';
      return Buffer.from(text.slice(0, rng.int(text.length + 1)));
    }
    case 3:
      return Buffer.from('a[b][c][d][e][f]=1&x[]=2&__proto__[admin]=1&constructor[prototype][x]=1');
    case 4:
      return Buffer.from(`${'k=v&'.repeat(rng.int(400))}`);
    default:
      return Buffer.alloc(rng.int(120_000), 'a');
  }
}

export const randomObjectId = (rng: Rng): string => rng.bytes(12).toString('hex');

// Fixed by default so CI runs the same requests; FUZZ_SEED=random explores new ones (the seed is printed on failure).
export const fuzzSeed = (): number =>
  process.env.FUZZ_SEED === 'random'
    ? randomBytes(4).readUInt32LE(0)
    : Number(process.env.FUZZ_SEED) || 20_261_123;
