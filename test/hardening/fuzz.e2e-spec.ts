import { Logger } from '@nestjs/common';
import { createTestApp, TestApp } from '../harness/app';
import { authHeader, login } from '../harness/auth';
import {
  inboundParams,
  MESSAGES_WEBHOOK,
  signTwilio,
  STATUS_WEBHOOK,
  twimlMessages,
} from '../harness/twilio';
import { fuzzSeed, nastyJson, nastyRawBody, nastyText, randomObjectId, Rng } from './fuzz';

// 10 000 generated requests against the whole app: webhook bodies (most stopped by the signature check,
// several hundred signed and run as full bot turns) and API payloads with a valid admin token.
// Nothing may answer 5xx, crash or leave an unhandled rejection, and a normal message is answered afterwards.
const TOTAL = 10_000;
const SIGNED_TURNS = 300;
const SIGNED_GARBAGE = 500;
const STATUS_CALLBACKS = 200;
const UNSIGNED = 4_500;
const API = TOTAL - SIGNED_TURNS - SIGNED_GARBAGE - STATUS_CALLBACKS - UNSIGNED;
const CONCURRENCY = 8;

interface Attempt {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

interface Failure {
  index: number;
  method: string;
  path: string;
  status: number | string;
  body: string;
  request: string;
}

describe('fuzz: generated webhooks and API payloads', () => {
  const seed = fuzzSeed();
  let t: TestApp;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  // What the app logged as errors (the 500 filter logs the stack): shown with any failure.
  const logged: string[] = [];

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      logged.push(String(message).slice(0, 1500));
    });
    t = await createTestApp({
      DIRECTORY_DEMO_SEED: 'on',
      PUBLIC_BASE_URL: 'https://sira.example.org',
      // The API payloads must reach validation, not the per-IP limit (abuse.e2e-spec.ts tests that).
      API_RATE_LIMIT: '100000',
    });
  });

  afterAll(async () => {
    await t?.close();
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    jest.restoreAllMocks();
  });

  const webhookUrl = (path: string) => `${t.config.publicBaseUrl}${path}`;
  const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const formHeaders = (path: string, params: Record<string, string>) => ({
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': signTwilio(t.config.twilioAuthToken, webhookUrl(path), params),
  });
  // A signed Twilio form post to one of the webhooks (the body may carry more than was signed).
  const signedPost = (
    path: string,
    params: Record<string, string>,
    body = form(params),
  ): Attempt => ({
    method: 'POST',
    path,
    headers: formHeaders(path, params),
    body,
  });
  // Values survive the form round trip exactly (lone surrogates would not), so signatures match.
  const clean = (text: string) =>
    text.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    );

  // Sends attempts made by `make(i)` (called in index order, so a seed always yields the same requests).
  async function run(
    count: number,
    offset: number,
    make: (i: number) => Attempt,
  ): Promise<{ failures: Failure[]; statuses: Map<number, number> }> {
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = offset + next++;
        const attempt = make(index);
        const request = String(attempt.body ?? '').slice(0, 500);
        try {
          const res = await fetch(`${t.baseUrl}${attempt.path}`, {
            method: attempt.method,
            headers: attempt.headers,
            body: attempt.body,
          });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500)
            failures.push({
              index,
              method: attempt.method,
              path: attempt.path,
              status: res.status,
              body: text.slice(0, 300),
              request,
            });
        } catch (error) {
          failures.push({
            index,
            method: attempt.method,
            path: attempt.path,
            status: 'network',
            body: String(error),
            request,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { failures, statuses };
  }

  const report = (failures: Failure[]) => (failures.length ? { seed, failures, logged } : []);

  it(`survives ${TOTAL} generated requests (seed from FUZZ_SEED)`, async () => {
    const rng = new Rng(seed);
    const phones = Array.from(
      { length: 40 },
      (_, i) => `+2237${String(6_100_000 + i * 7919).padStart(7, '0')}`,
    );
    const failures: Failure[] = [];
    let offset = 0;

    // Full bot turns: valid numbers (SMS and WhatsApp), nasty bodies, sometimes media.
    const turns = await run(SIGNED_TURNS, offset, () => {
      const phone = rng.pick(phones);
      const from = rng.chance(0.2) ? `whatsapp:${phone}` : phone;
      const params = inboundParams({
        from,
        body: clean(
          rng.chance(0.3)
            ? rng.pick(['bonjour', '1', '2', 'AGENT', 'MENU', 'je cherche du travail a kayes'])
            : nastyText(rng),
        ),
        media: rng.chance(0.05)
          ? [
              {
                url: 'https://api.twilio.com/media/ME1',
                contentType: clean(nastyText(rng).slice(0, 100)),
              },
            ]
          : undefined,
      });
      return signedPost(MESSAGES_WEBHOOK, params);
    });
    failures.push(...turns.failures);
    offset += SIGNED_TURNS;
    // Most turns reached the bot (some 50 kB bodies are refused by the body limit with 413).
    expect(turns.statuses.get(200) ?? 0).toBeGreaterThan(SIGNED_TURNS * 0.6);

    // Signed but malformed: missing fields, garbage numbers, odd keys, arrays of values.
    const garbage = await run(SIGNED_GARBAGE, offset, () => {
      const params: Record<string, string> = rng.chance(0.5)
        ? inboundParams({ from: rng.pick(phones) })
        : {};
      for (let k = rng.int(6); k > 0; k--) {
        params[
          clean(
            rng.pick([
              'From',
              'To',
              'Body',
              'MessageSid',
              'NumMedia',
              'MediaUrl0',
              'AccountSid',
              nastyText(rng).slice(0, 20),
            ]),
          )
        ] = clean(nastyText(rng).slice(0, 2000));
      }
      if (rng.chance(0.2)) delete params[rng.pick(['From', 'MessageSid', 'Body'])];
      let body = form(params);
      if (rng.chance(0.1)) body += `&From=${encodeURIComponent(rng.pick(phones))}`;
      return signedPost(MESSAGES_WEBHOOK, params, body);
    });
    failures.push(...garbage.failures);
    offset += SIGNED_GARBAGE;

    const statusCallbacks = await run(STATUS_CALLBACKS, offset, () => {
      const params: Record<string, string> = {
        MessageSid: rng.chance(0.5)
          ? `SM${rng.bytes(16).toString('hex')}`
          : clean(nastyText(rng).slice(0, 100)),
        MessageStatus: clean(
          rng.pick([
            'delivered',
            'failed',
            'undelivered',
            'sent',
            'read',
            nastyText(rng).slice(0, 50),
          ]),
        ),
      };
      if (rng.chance(0.5)) params.ErrorCode = clean(nastyText(rng).slice(0, 20));
      return signedPost(STATUS_WEBHOOK, params);
    });
    failures.push(...statusCallbacks.failures);
    offset += STATUS_CALLBACKS;

    // Unsigned or wrongly signed: random bytes, invalid UTF-8, deep brackets, huge bodies, odd content types.
    const unsigned = await run(UNSIGNED, offset, () => {
      const headers: Record<string, string> = {
        'content-type': rng.pick([
          'application/x-www-form-urlencoded',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded; charset=latin1',
          'multipart/form-data; boundary=x',
        ]),
      };
      if (rng.chance(0.7))
        headers['x-twilio-signature'] = rng.chance(0.5)
          ? rng.bytes(20).toString('base64')
          : clean(nastyText(rng).slice(0, 200)).replace(/[^\x20-\x7e]/g, '');
      return {
        method: 'POST',
        path: rng.pick([MESSAGES_WEBHOOK, STATUS_WEBHOOK]),
        headers,
        body: nastyRawBody(rng),
      };
    });
    failures.push(...unsigned.failures);
    offset += UNSIGNED;
    expect(unsigned.statuses.get(200) ?? 0).toBe(0);

    // API payloads with a valid admin token (and sometimes a bad one), on real and random ids.
    const admin = await login(t.baseUrl, t.config.adminEmail, t.config.adminPassword);
    const ids = async (path: string) => {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: authHeader(admin.token) });
      const body = (await res.json()) as unknown;
      const items = Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? []);
      return (items as { id?: string }[])
        .map((x) => x.id)
        .filter((x): x is string => typeof x === 'string');
    };
    const real = [
      ...(await ids('/api/handoffs')),
      ...(await ids('/api/referrals')),
      ...(await ids('/api/users')),
    ];
    const id = () =>
      rng.chance(0.4) && real.length
        ? rng.pick(real)
        : rng.chance(0.5)
          ? randomObjectId(rng)
          : encodeURIComponent(clean(nastyText(rng).slice(0, 100)));
    const routes: [string, () => string][] = [
      ['POST', () => '/api/auth/login'],
      ['POST', () => '/api/auth/refresh'],
      ['POST', () => '/api/auth/logout'],
      ['POST', () => '/api/users'],
      ['PATCH', () => `/api/users/${id()}`],
      ['PATCH', () => `/api/referrals/${id()}`],
      [
        'POST',
        () =>
          `/api/handoffs/${id()}/${rng.pick(['claim', 'release', 'transfer', 'messages', 'close'])}`,
      ],
      ['POST', () => `/api/directory/${rng.pick(['organizations', 'services', 'locations'])}`],
      [
        'PUT',
        () => `/api/directory/${rng.pick(['organizations', 'services', 'locations'])}/${id()}`,
      ],
      [
        'DELETE',
        () => `/api/directory/${rng.pick(['organizations', 'services', 'locations'])}/${id()}`,
      ],
      [
        'GET',
        () =>
          `/api/${rng.pick(['handoffs', 'referrals', 'audit', 'stats', 'users', 'services/search', 'directory/services', 'directory/organizations', 'regions'])}`,
      ],
      [
        'GET',
        () =>
          `/api/${rng.pick(['handoffs', 'services', 'directory/services', 'directory/locations'])}/${id()}`,
      ],
    ];
    const api = await run(API, offset, () => {
      const [method, path] = rng.pick(routes);
      const query = new URLSearchParams();
      for (let k = rng.int(4); k > 0; k--) {
        query.append(
          rng.pick([
            'q',
            'need',
            'needs',
            'place',
            'status',
            'region',
            'page',
            'limit',
            'needs[$gt]',
            'status[$ne]',
            '__proto__[x]',
            'lang',
          ]),
          clean(nastyText(rng).slice(0, 500)),
        );
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (rng.chance(0.9))
        headers.authorization = rng.chance(0.95)
          ? `Bearer ${admin.token}`
          : `Bearer ${clean(nastyText(rng)).replace(/[^\x20-\x7e]/g, '')}`;
      const body =
        method === 'GET' || method === 'DELETE'
          ? undefined
          : rng.chance(0.85)
            ? JSON.stringify(nastyJson(rng))
            : nastyRawBody(rng);
      return { method, path: `${path()}${query.size ? `?${query}` : ''}`, headers, body };
    });
    failures.push(...api.failures);

    expect(report(failures)).toEqual([]);
    expect(unhandled).toEqual([]);

    // Still alive and still answering a person.
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    const params = inboundParams({
      from: '+22376999001',
      body: 'bonjour je cherche du travail a bamako',
    });
    const res = await fetch(`${t.baseUrl}${MESSAGES_WEBHOOK}`, {
      method: 'POST',
      headers: formHeaders(MESSAGES_WEBHOOK, params),
      body: form(params),
    });
    expect(res.status).toBe(200);
    expect(twimlMessages(await res.text()).length).toBeGreaterThan(0);
  }, 300_000);
});
