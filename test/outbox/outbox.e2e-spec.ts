import { randomBytes } from 'node:crypto';
import { ContactsService } from '../../src/contacts/contacts.service';
import { OUTBOX_OPTIONS, OutboxOptions } from '../../src/outbox/outbox.options';
import { OutboxSender } from '../../src/outbox/outbox.sender';
import { OutboxService } from '../../src/outbox/outbox.service';
import { isGsm7, segmentCount } from '../../src/channels/sms-text';
import { RecordingBot } from '../channels/helpers';
import { createTestApp, TestApp } from '../harness/app';
import {
  inboundParams,
  MESSAGES_WEBHOOK,
  postTwilio,
  startTwilioStandIn,
  STATUS_WEBHOOK,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  TEST_SMS_FROM,
  TEST_WHATSAPP_FROM,
  TwilioStandIn,
  withTestBot,
} from '../harness/twilio';

const HOUR = 3600_000;

// One app instance with its sender loop stopped and its clock in the test's hands.
interface Instance {
  t: TestApp;
  sender: OutboxSender;
  outbox: OutboxService;
  contacts: ContactsService;
  options: OutboxOptions;
}

async function boot(env: Record<string, string>, db?: TestApp['db']): Promise<Instance> {
  const t = await createTestApp(env, db, withTestBot(new RecordingBot()));
  const sender = t.app.get(OutboxSender);
  await sender.stop();
  const options = t.app.get<OutboxOptions>(OUTBOX_OPTIONS);
  jest.spyOn(options, 'now').mockImplementation(() => new Date(clock));
  // Jitter at its top: backoff is then exactly base·2^(n-1), capped.
  jest.spyOn(options, 'random').mockReturnValue(1);
  return {
    t,
    sender,
    outbox: t.app.get(OutboxService),
    contacts: t.app.get(ContactsService),
    options,
  };
}

let clock = Date.now();
const advance = (ms: number) => (clock += ms);

describe('outbox against a local Twilio API stand-in', () => {
  let standIn: TwilioStandIn;
  let a: Instance;
  let b: Instance;
  let phoneSeq = 0;
  const phone = () => `+2237600${String(4000 + ++phoneSeq)}`;
  const sentTo = (to: string) =>
    standIn.requests.filter((r) => r.params.To === to || r.params.To === `whatsapp:${to}`);

  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    const env = {
      ...standIn.env(),
      PUBLIC_BASE_URL: 'https://sira.example.org',
      TEST_DB_NAME: `outbox_${randomBytes(4).toString('hex')}`,
      // Both instances must read what the other sealed.
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    };
    a = await boot(env);
    // A second instance on the same database: the claim must keep them from double-sending.
    b = await boot(env, a.t.db);
  });

  afterAll(async () => {
    await b?.t.close();
    await a?.t.close();
    await standIn?.close();
  });

  afterEach(() => standIn.respondWith(null));

  it('sends through the twilio client with the status callback, then follows status callbacks', async () => {
    const to = phone();
    const contact = await a.contacts.upsertByPhone(to, 'sms');
    const queued = await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'Votre rendez-vous est demain.',
      kind: 'reminder',
    });
    expect(queued.status).toBe('queued');
    expect(await a.sender.tick()).toMatchObject({ sent: 1 });

    const [request] = sentTo(to);
    expect(request.path).toBe(`/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`);
    expect(request.authorization).toBe(
      `Basic ${Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString('base64')}`,
    );
    expect(request.params).toMatchObject({
      To: to,
      From: TEST_SMS_FROM,
      Body: 'Votre rendez-vous est demain.',
      StatusCallback: 'https://sira.example.org/webhooks/twilio/status',
    });
    const sent = (await a.outbox.findById(queued.id))!;
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent.twilioSid).toMatch(/^SM/);

    const callback = (MessageStatus: string, extra: Record<string, string> = {}) =>
      postTwilio(a.t, STATUS_WEBHOOK, {
        MessageSid: sent.twilioSid!,
        MessageStatus,
        AccountSid: TEST_ACCOUNT_SID,
        ...extra,
      });
    expect((await callback('delivered')).status).toBe(204);
    expect((await a.outbox.findById(queued.id))!.status).toBe('delivered');
    // A late "sent" does not move it back.
    await callback('sent');
    expect((await a.outbox.findById(queued.id))!.status).toBe('delivered');
  });

  it('records undelivered with its ErrorCode', async () => {
    const contact = await a.contacts.upsertByPhone(phone(), 'sms');
    const queued = await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'x',
      kind: 'system',
    });
    await a.sender.tick();
    const { twilioSid } = (await a.outbox.findById(queued.id))!;
    await postTwilio(a.t, STATUS_WEBHOOK, {
      MessageSid: twilioSid!,
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect(await a.outbox.findById(queued.id)).toMatchObject({
      status: 'undelivered',
      errorCode: '30003',
    });
  });

  it('retries a 503 with backoff and gives up after a bounded number of tries, marking it failed', async () => {
    const to = phone();
    standIn.respondWith((req) =>
      req.params.To === to
        ? { status: 503, body: { code: 20503, message: 'unavailable', status: 503 } }
        : null,
    );
    const contact = await a.contacts.upsertByPhone(to, 'sms');
    const queued = await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'Bonjour',
      kind: 'followup',
    });
    const max = a.options.maxAttempts;
    for (let attempt = 1; attempt <= max; attempt++) {
      await a.sender.tick();
      expect(sentTo(to)).toHaveLength(attempt);
      // Not due yet: nothing leaves before the backoff has passed.
      await a.sender.tick();
      expect(sentTo(to)).toHaveLength(attempt);
      advance(a.options.maxBackoffMs + 1);
    }
    await a.sender.tick();
    expect(sentTo(to)).toHaveLength(max);
    expect(await a.outbox.findById(queued.id)).toMatchObject({
      status: 'failed',
      attempts: max,
      errorCode: '20503',
      reason: 'max_attempts',
    });
  });

  it('waits longer after each failure (exponential backoff)', async () => {
    const to = phone();
    standIn.respondWith((req) =>
      req.params.To === to
        ? { status: 429, body: { code: 20429, message: 'slow down', status: 429 } }
        : null,
    );
    const contact = await a.contacts.upsertByPhone(to, 'sms');
    await a.outbox.enqueue({ contactId: contact.id, channel: 'sms', text: 'x', kind: 'system' });
    await a.sender.tick();
    const base = a.options.baseBackoffMs;
    // After attempt 1: due in base ms; after attempt 2: in 2·base ms.
    advance(base - 1);
    await a.sender.tick();
    expect(sentTo(to)).toHaveLength(1);
    advance(1);
    await a.sender.tick();
    expect(sentTo(to)).toHaveLength(2);
    advance(2 * base - 1);
    await a.sender.tick();
    expect(sentTo(to)).toHaveLength(2);
    advance(1);
    await a.sender.tick();
    expect(sentTo(to)).toHaveLength(3);
  });

  it('sends after transient failures and counts the attempts', async () => {
    const to = phone();
    let failures = 2;
    standIn.respondWith((req) =>
      req.params.To === to && failures-- > 0
        ? { status: 500, body: { code: 20500, message: 'oops', status: 500 } }
        : null,
    );
    const contact = await a.contacts.upsertByPhone(to, 'sms');
    const queued = await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'x',
      kind: 'system',
    });
    for (let i = 0; i < 3; i++) {
      await a.sender.tick();
      advance(a.options.maxBackoffMs);
    }
    expect(await a.outbox.findById(queued.id)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('retries when the connection drops without an answer', async () => {
    const to = phone();
    let drops = 1;
    standIn.respondWith((req) =>
      req.params.To === to && drops-- > 0 ? { status: 0, drop: true } : null,
    );
    const contact = await a.contacts.upsertByPhone(to, 'sms');
    const queued = await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'x',
      kind: 'system',
    });
    expect(await a.sender.tick()).toMatchObject({ retried: 1 });
    advance(a.options.maxBackoffMs);
    expect(await a.sender.tick()).toMatchObject({ sent: 1 });
    expect(await a.outbox.findById(queued.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends to a provider number other than the contact, whatever the contact chose', async () => {
    const person = phone();
    const provider = phone();
    const contact = await a.contacts.upsertByPhone(person, 'sms');
    await a.contacts.optOut(contact.id, 'sms', new Date());
    const refused = await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'x',
      kind: 'followup',
    });
    expect(refused.status).toBe('refused');
    const queued = await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'Orientation SIRA-7K2Q : une personne va vous contacter.',
      kind: 'provider',
      toPhone: provider,
    });
    expect(queued.status).toBe('queued');
    await a.sender.tick();
    expect(sentTo(provider)).toHaveLength(1);
    expect(sentTo(person)).toHaveLength(0);
  });

  it('does not retry what Twilio rejects, and records a Twilio-side opt-out', async () => {
    const to = phone();
    standIn.respondWith((req) =>
      req.params.To === to
        ? { status: 400, body: { code: 21610, message: 'unsubscribed', status: 400 } }
        : null,
    );
    const contact = await a.contacts.upsertByPhone(to, 'sms');
    const queued = await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'x',
      kind: 'system',
    });
    await a.sender.tick();
    advance(a.options.maxBackoffMs);
    await a.sender.tick();
    expect(sentTo(to)).toHaveLength(1);
    expect(await a.outbox.findById(queued.id)).toMatchObject({
      status: 'failed',
      reason: 'rejected',
      errorCode: '21610',
    });
    expect(await a.contacts.isOptedOut(contact.id)).toBe(true);
  });

  it('leaves at least a second between two sends to one number', async () => {
    const to = phone();
    const other = phone();
    const contact = await a.contacts.upsertByPhone(to, 'sms');
    const otherContact = await a.contacts.upsertByPhone(other, 'sms');
    await a.outbox.enqueue({ contactId: contact.id, channel: 'sms', text: 'un', kind: 'system' });
    await a.outbox.enqueue({ contactId: contact.id, channel: 'sms', text: 'deux', kind: 'system' });
    await a.outbox.enqueue({
      contactId: otherContact.id,
      channel: 'sms',
      text: 'autre',
      kind: 'system',
    });
    await a.sender.tick();
    expect(sentTo(to).map((r) => r.params.Body)).toEqual(['un']);
    expect(sentTo(other)).toHaveLength(1);
    advance(a.options.paceMs - 1);
    await a.sender.tick();
    expect(sentTo(to)).toHaveLength(1);
    advance(1);
    await a.sender.tick();
    expect(sentTo(to).map((r) => r.params.Body)).toEqual(['un', 'deux']);
  });

  it('shapes SMS before storing: numbered parts within budget, sent in order', async () => {
    const to = phone();
    const contact = await a.contacts.upsertByPhone(to, 'sms');
    const long =
      'Le centre de santé communautaire de Kati vous reçoit du lundi au vendredi, de 8 h à 16 h. '.repeat(
        8,
      );
    await a.outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: long,
      kind: 'caseworker',
    });
    const stored = (await a.outbox.listForContact(contact.id)).filter(
      (m) => m.kind === 'caseworker',
    );
    expect(stored.length).toBeGreaterThan(1);
    for (let i = 0; i < stored.length; i++) {
      await a.sender.tick();
      advance(a.options.paceMs);
    }
    const bodies = sentTo(to).map((r) => r.params.Body);
    expect(bodies).toEqual(stored.map((m) => m.text));
    bodies.forEach((body, i) => {
      expect(body.startsWith(`${i + 1}/${bodies.length} `)).toBe(true);
      expect(isGsm7(body)).toBe(true);
      expect(segmentCount(body)).toBeLessThanOrEqual(a.t.config.smsSegmentBudget);
    });
  });

  it('returns the same message for the same idempotency key', async () => {
    const contact = await a.contacts.upsertByPhone(phone(), 'sms');
    const input = {
      contactId: contact.id,
      channel: 'sms' as const,
      text: 'x',
      kind: 'followup' as const,
      idempotencyKey: 'k-1',
    };
    const [first, second] = await Promise.all([a.outbox.enqueue(input), a.outbox.enqueue(input)]);
    expect(second.id).toBe(first.id);
    expect(await a.outbox.listForContact(contact.id)).toHaveLength(1);
  });

  it('two instances ticking at once send each message exactly once', async () => {
    // Anything still due from earlier tests leaves first.
    await a.sender.tick();
    const numbers = Array.from({ length: 12 }, phone);
    for (const to of numbers) {
      const contact = await a.contacts.upsertByPhone(to, 'sms');
      await a.outbox.enqueue({ contactId: contact.id, channel: 'sms', text: 'x', kind: 'system' });
    }
    const before = standIn.requests.length;
    // A second tick() on a busy instance joins the pass in progress: count each pass once.
    const passes = new Set([a.sender.tick(), b.sender.tick(), a.sender.tick(), b.sender.tick()]);
    expect(passes.size).toBe(2);
    const results = await Promise.all([...passes]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(standIn.requests.length - before).toBe(12);
    for (const to of numbers) expect(sentTo(to)).toHaveLength(1);
  });

  describe('WhatsApp 24 h rule', () => {
    it('sends free-form within 24 h of the last message, else falls back to SMS, else holds', async () => {
      const both = phone();
      const waOnly = phone();
      await a.contacts.upsertByPhone(both, 'sms');
      // The person writes on WhatsApp through the real webhook.
      await postTwilio(
        a.t,
        MESSAGES_WEBHOOK,
        inboundParams({ from: `whatsapp:${both}`, body: 'salut' }),
      );
      await postTwilio(
        a.t,
        MESSAGES_WEBHOOK,
        inboundParams({ from: `whatsapp:${waOnly}`, body: 'salut' }),
      );
      const bothId = (await a.contacts.findByPhone(both))!.id;
      const waId = (await a.contacts.findByPhone(waOnly))!.id;

      const inWindow = await a.outbox.enqueue({
        contactId: bothId,
        channel: 'whatsapp',
        text: 'Bonjour ɛ',
        kind: 'caseworker',
      });
      expect(await a.outbox.findById(inWindow.id)).toMatchObject({
        channel: 'whatsapp',
        status: 'queued',
        text: 'Bonjour ɛ',
      });
      await a.sender.tick();
      expect(sentTo(both)[0].params).toMatchObject({
        To: `whatsapp:${both}`,
        From: TEST_WHATSAPP_FROM,
        Body: 'Bonjour ɛ',
      });

      // Queued inside the window but not sent before it closed: held, not sent free-form.
      const late = await a.outbox.enqueue({
        contactId: waId,
        channel: 'whatsapp',
        text: 'tard',
        kind: 'caseworker',
      });
      advance(25 * HOUR);
      expect(await a.sender.tick()).toMatchObject({ held: 1, sent: 0 });
      expect(await a.outbox.findById(late.id)).toMatchObject({
        status: 'held',
        reason: 'whatsapp_window',
      });

      const viaSms = await a.outbox.enqueue({
        contactId: bothId,
        channel: 'whatsapp',
        text: 'Bonjour ɛ',
        kind: 'caseworker',
      });
      expect(await a.outbox.findById(viaSms.id)).toMatchObject({
        channel: 'sms',
        text: 'Bonjour e',
        reason: 'whatsapp_window',
      });

      const held = await a.outbox.enqueue({
        contactId: waId,
        channel: 'whatsapp',
        text: 'Bonjour',
        kind: 'caseworker',
      });
      expect(held.status).toBe('held');
      // The person writes again: the held message may leave.
      await postTwilio(
        a.t,
        MESSAGES_WEBHOOK,
        inboundParams({ from: `whatsapp:${waOnly}`, body: 'je suis là' }),
      );
      expect((await a.outbox.findById(held.id))!.status).toBe('queued');
      expect((await a.outbox.findById(late.id))!.status).toBe('queued');
    });

    it('uses the configured template outside the window', async () => {
      const standInEnv = { ...standIn.env(), WHATSAPP_TEMPLATE_SID: `HX${'a'.repeat(32)}` };
      const c = await boot(standInEnv);
      try {
        const to = phone();
        const contact = await c.contacts.upsertByPhone(`whatsapp:${to}`, 'whatsapp');
        const queued = await c.outbox.enqueue({
          contactId: contact.id,
          channel: 'whatsapp',
          text: 'Votre dossier avance',
          kind: 'followup',
        });
        expect(await c.outbox.findById(queued.id)).toMatchObject({
          channel: 'whatsapp',
          contentSid: `HX${'a'.repeat(32)}`,
        });
        await c.sender.tick();
        const [request] = sentTo(to);
        expect(request.params.ContentSid).toBe(`HX${'a'.repeat(32)}`);
        expect(JSON.parse(request.params.ContentVariables)).toEqual({ 1: 'Votre dossier avance' });
        expect(request.params.Body).toBeUndefined();
      } finally {
        await c.t.close();
      }
    });
  });
});
