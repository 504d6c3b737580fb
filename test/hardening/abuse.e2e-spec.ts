import { Types } from 'mongoose';
import { INBOUND_OPTIONS, InboundOptions } from '../../src/channels/inbound.options';
import { toGsm7 } from '../../src/channels/sms-text';
import { FieldCipher } from '../../src/common/crypto/field-cipher';
import { I18nService } from '../../src/common/i18n/i18n.service';
import { ContactsService } from '../../src/contacts/contacts.service';
import { LOGIN_MAX_FAILURES } from '../../src/auth/auth.constants';
import { collection } from '../channels/helpers';
import { createTestApp, TestApp } from '../harness/app';
import { authHeader, login } from '../harness/auth';
import { inboundParams, MESSAGES_WEBHOOK, postTwilio, twimlMessages } from '../harness/twilio';

const API_LIMIT = 40;

describe('abuse: rate limits, operator injection, login throttling', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ DIRECTORY_DEMO_SEED: 'on', API_RATE_LIMIT: String(API_LIMIT) });
    token = (await login(t.baseUrl, t.config.adminEmail, t.config.adminPassword)).token;
  });

  afterAll(async () => {
    await t?.close();
  });

  const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = (path: string) => fetch(`${t.baseUrl}${path}`, { headers: authHeader(token) });

  describe('operator injection is text', () => {
    it.each([
      [{ email: { $gt: '' }, password: { $gt: '' } }],
      [{ email: 'admin@sira.local', password: { $ne: null } }],
      [{ email: { $where: 'return true' }, password: 'x' }],
    ])('login with %j is refused as invalid input', async (body) => {
      const res = await json('/api/auth/login', body);
      expect(res.status).toBe(400);
    });

    it('an operator string as the e-mail is just a wrong e-mail', async () => {
      const res = await json('/api/auth/login', { email: '{"$gt": ""}', password: '{"$gt": ""}' });
      expect([400, 401]).toContain(res.status);
    });

    it.each([
      '/api/services/search?needs[$gt]=',
      '/api/handoffs?status[$ne]=closed',
      '/api/referrals?status[$gt]=',
    ])('query operators in %s are refused, not applied', async (path) => {
      expect((await get(path)).status).toBe(400);
    });

    it.each(['{"$gt": ""}', '{"$where": "sleep(1000)"}', '$where', '__proto__'])(
      'a message %j is a message like any other, stored as written',
      async (body) => {
        const params = inboundParams({
          from: `+2237655${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`,
          body,
        });
        const res = await postTwilio(t, MESSAGES_WEBHOOK, params);
        expect(res.status).toBe(200);
        expect(twimlMessages(res.body).length).toBeGreaterThan(0);
        const stored = await collection(t, 'inbound_messages').findOne({
          messageSid: params.MessageSid,
        });
        expect(t.app.get(FieldCipher).decrypt(stored!.bodyEnc as string)).toBe(body);
      },
    );

    it('an operator as the sender number is refused, never matched against stored contacts', async () => {
      const res = await postTwilio(
        t,
        MESSAGES_WEBHOOK,
        inboundParams({ from: '{"$gt": ""}', body: 'hi' }),
      );
      expect(res.status).toBe(400);
    });
  });

  it('a flood of 200 messages from one number runs the bot about floodLimit times and says so once; all are kept', async () => {
    const from = '+22376558800';
    const notice = t.app.get(I18nService).t('fr', 'channels:flood.notice');
    const replies: string[][] = [];
    let next = 0;
    // Eight at a time, like a phone app resending a queue.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < 200) {
          const res = await postTwilio(
            t,
            MESSAGES_WEBHOOK,
            inboundParams({ from, body: `message ${next++}` }),
          );
          expect(res.status).toBe(200);
          replies.push(twimlMessages(res.body));
        }
      }),
    );
    const contact = (await t.app.get(ContactsService).findByPhone(from))!;
    const stored = await collection(t, 'inbound_messages')
      .find({ contactId: new Types.ObjectId(contact.id) })
      .toArray();
    expect(stored).toHaveLength(200);
    const limit = t.app.get<InboundOptions>(INBOUND_OPTIONS).floodLimit;
    const turns = stored.filter((m) => m.keyword !== 'flood').length;
    // Concurrent arrivals can shift a rank by the number in flight, never more.
    expect(turns).toBeGreaterThanOrEqual(limit);
    expect(turns).toBeLessThanOrEqual(limit + 8);
    const notices = replies.filter((r) =>
      r.some((m) => toGsm7(notice) === m || notice === m),
    ).length;
    expect(notices).toBeGreaterThanOrEqual(1);
    expect(notices).toBeLessThanOrEqual(2);
    expect(replies.filter((r) => r.length === 0).length).toBeGreaterThan(150);
  });

  it('refuses oversized bodies with 413 before any work', async () => {
    const bigJson = await json('/api/auth/login', {
      email: 'a@b.c',
      password: 'x'.repeat(150_000),
    });
    expect(bigJson.status).toBe(413);
    const params = inboundParams({ from: '+22376558801', body: 'x'.repeat(70_000) });
    expect((await postTwilio(t, MESSAGES_WEBHOOK, params)).status).toBe(413);
  });

  it(`login is locked after ${LOGIN_MAX_FAILURES} failures for an address and e-mail`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_MAX_FAILURES; i++) {
      statuses.push(
        (
          await json('/api/auth/login', {
            email: 'nobody@sira.test',
            password: `wrong-password-${i}`,
          })
        ).status,
      );
    }
    expect(statuses.slice(0, LOGIN_MAX_FAILURES - 1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  // Last: it spends this address's API budget for the minute.
  it(`answers 429 with Retry-After past ${API_LIMIT} API requests a minute from one address; webhooks and health are not limited`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < API_LIMIT + 5; i++) statuses.push((await get('/api/regions')).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    const refused = await get('/api/regions');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    const webhook = await postTwilio(
      t,
      MESSAGES_WEBHOOK,
      inboundParams({ from: '+22376559999', body: 'bonjour' }),
    );
    expect(webhook.status).toBe(200);
  });
});

describe('abuse: per-client limit behind a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ API_RATE_LIMIT: '5', TRUST_PROXY: 'loopback' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('counts each X-Forwarded-For client on its own, not the proxy', async () => {
    const from = (client: string) =>
      fetch(`${t.baseUrl}/api/regions`, { headers: { 'x-forwarded-for': client } }).then(
        (r) => r.status,
      );
    const first: number[] = [];
    for (let i = 0; i < 6; i++) first.push(await from('203.0.113.1'));
    expect(first.at(-1)).toBe(429);
    expect(first.slice(0, 5)).not.toContain(429);
    expect(await from('203.0.113.2')).not.toBe(429);
  });
});
