import { createTestApp, TestApp } from '../harness/app';
import {
  inboundParams,
  MESSAGES_WEBHOOK,
  newMessageSid,
  postTwilio,
  PostOptions,
  signTwilio,
  STATUS_WEBHOOK,
  twimlMessages,
  withTestBot,
} from '../harness/twilio';
import { setTimeout as sleep } from 'node:timers/promises';
import { TurnContext } from 'botbuilder';
import { INBOUND_OPTIONS, InboundOptions } from '../../src/channels/inbound.options';
import { SiraChannelData } from '../../src/channels/bot.token';
import { TwilioBotAdapter } from '../../src/channels/twilio-bot.adapter';
import { OutboxService } from '../../src/outbox/outbox.service';
import { isGsm7, segmentCount } from '../../src/channels/sms-text';
import { collection, RecordingBot } from './helpers';

describe('Twilio messaging webhook (real signatures, real HTTP)', () => {
  let t: TestApp;
  const bot = new RecordingBot();

  beforeAll(async () => {
    t = await createTestApp(
      { PUBLIC_BASE_URL: 'https://sira.example.org' },
      undefined,
      withTestBot(bot),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(() => {
    bot.delayMs = 0;
    bot.reply = (text) => `echo: ${text}`;
  });

  it('answers a signed SMS with TwiML from the bot turn', async () => {
    const params = inboundParams({ from: '+22376000101', body: 'Bonjour' });
    const res = await postTwilio(t, MESSAGES_WEBHOOK, params);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/xml/);
    expect(res.body).toMatch(/^<\?xml/);
    expect(twimlMessages(res.body)).toEqual(['echo: Bonjour']);

    const activity = bot.activities.find((a) => a.id === params.MessageSid)!;
    const contactId = activity.from!.id;
    expect(activity.channelId).toBe('sms');
    expect(activity.conversation!.id).toBe(`sms:${contactId}`);
    expect(activity.text).toBe('Bonjour');
    expect(activity.locale).toBeUndefined();
    expect(JSON.stringify(activity)).not.toContain('76000101');
    expect(activity.channelData as SiraChannelData).toMatchObject({
      messageSid: params.MessageSid,
      contactId,
      numMedia: 0,
      mediaUrls: [],
    });
  });

  it('keeps one contact per person across SMS and WhatsApp, phone sealed', async () => {
    await postTwilio(t, MESSAGES_WEBHOOK, inboundParams({ from: '+22376000102', body: 'sms' }));
    await postTwilio(
      t,
      MESSAGES_WEBHOOK,
      inboundParams({ from: 'whatsapp:+223 76 00 01 02', body: 'wa' }),
    );
    const [sms, wa] = bot.activities.slice(-2);
    expect(wa.channelId).toBe('whatsapp');
    expect(wa.from!.id).toBe(sms.from!.id);
    expect(wa.conversation!.id).toBe(`whatsapp:${sms.from!.id}`);

    const stored = await collection(t, 'contacts').find({}).toArray();
    const person = stored.find((c) => c._id.toString() === sms.from!.id)!;
    expect(person.channels.map((c: { type: string }) => c.type).sort()).toEqual([
      'sms',
      'whatsapp',
    ]);
    expect(JSON.stringify(stored)).not.toMatch(/76000102|76 00 01 02/);
    expect(person.phoneHash).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('refuses what Twilio did not sign', () => {
    // Posts `params` (after `tamper`) with the options built from the untouched params.
    const rejected = async (
      options: (signed: Record<string, string>) => PostOptions,
      tamper?: (p: Record<string, string>) => void,
    ) => {
      const params = inboundParams({ from: '+22376000199', body: 'faux' });
      const posted = { ...params };
      tamper?.(posted);
      const contactsBefore = await collection(t, 'contacts').countDocuments();
      const turnsBefore = bot.activities.length;
      const res = await postTwilio(t, MESSAGES_WEBHOOK, posted, options(params));
      expect(res.status).toBe(403);
      expect(
        await collection(t, 'inbound_messages').countDocuments({ messageSid: params.MessageSid }),
      ).toBe(0);
      expect(await collection(t, 'contacts').countDocuments()).toBe(contactsBefore);
      expect(bot.activities.length).toBe(turnsBefore);
    };

    it('a forged signature', () => rejected(() => ({ signature: 'bm90IGEgc2lnbmF0dXJl' })));
    it('no signature', () => rejected(() => ({ signature: null })));
    it('a signature replayed with other parameters', () =>
      rejected(
        (signed) => ({ signedParams: signed }),
        (p) => (p.Body = 'autre chose'),
      ));
    it('a signature replayed with an added parameter', () =>
      rejected(
        (signed) => ({ signedParams: signed }),
        (p) => (p.MediaUrl0 = 'https://evil.example/x'),
      ));
    it('a signature for another URL', () =>
      rejected((signed) => ({
        signature: signTwilio(
          t.config.twilioAuthToken,
          `${t.config.publicBaseUrl}${STATUS_WEBHOOK}`,
          signed,
        ),
      })));
    it('a signature made with another auth token', () =>
      rejected((signed) => ({
        signature: signTwilio(
          'another-token-123456',
          `${t.config.publicBaseUrl}${MESSAGES_WEBHOOK}`,
          signed,
        ),
      })));
  });

  it('runs exactly one turn for 5 concurrent deliveries of one MessageSid, all with the same reply', async () => {
    bot.delayMs = 300;
    const params = inboundParams({ from: '+22376000103', body: 'en même temps' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => postTwilio(t, MESSAGES_WEBHOOK, params)),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    // SMS: the reply was folded to GSM-7 (ê → e).
    expect(twimlMessages(results[0].body)).toEqual(['echo: en meme temps']);
    expect(bot.turnsFor(params.MessageSid)).toBe(1);
    expect(
      await collection(t, 'inbound_messages').countDocuments({ messageSid: params.MessageSid }),
    ).toBe(1);

    // A later retry by Twilio gets the stored reply, still without a turn.
    const retry = await postTwilio(t, MESSAGES_WEBHOOK, params);
    expect(retry.body).toBe(results[0].body);
    expect(bot.turnsFor(params.MessageSid)).toBe(1);
  });

  it('stores the message sealed and the reply for replays', async () => {
    const params = inboundParams({ from: '+22376000104', body: 'mon secret' });
    await postTwilio(t, MESSAGES_WEBHOOK, params);
    const record = await collection(t, 'inbound_messages').findOne({
      messageSid: params.MessageSid,
    });
    expect(record).toMatchObject({ status: 'done', channel: 'sms' });
    expect(JSON.stringify(record)).not.toContain('mon secret');
    expect(JSON.stringify(record)).not.toContain('echo');
  });

  it('acknowledges media, keeps it on the record and passes it to the bot', async () => {
    const media = [{ url: 'https://api.twilio.com/media/ME1', contentType: 'audio/ogg' }];
    const params = inboundParams({ from: 'whatsapp:+22376000105', body: '', media });
    const res = await postTwilio(t, MESSAGES_WEBHOOK, params);
    const messages = twimlMessages(res.body);
    expect(messages[0]).toMatch(/reçu votre fichier/);
    const data = bot.activities.find((a) => a.id === params.MessageSid)!
      .channelData as SiraChannelData;
    expect(data).toMatchObject({
      numMedia: 1,
      mediaUrls: [media[0].url],
      mediaTypes: ['audio/ogg'],
    });
    const record = await collection(t, 'inbound_messages').findOne({
      messageSid: params.MessageSid,
    });
    expect(record!.media).toEqual([{ url: media[0].url, contentType: 'audio/ogg' }]);
  });

  it('keeps SMS replies within the segment budget and GSM-7; WhatsApp keeps the text', async () => {
    const bambara = 'Aw ni ce! Sira bɛ se ka aw dɛmɛ ka dɔgɔtɔrɔso sɔrɔ. ';
    bot.reply = () => bambara.repeat(12);
    const sms = twimlMessages(
      (await postTwilio(t, MESSAGES_WEBHOOK, inboundParams({ from: '+22376000106', body: 'x' })))
        .body,
    );
    expect(sms.length).toBeGreaterThan(1);
    sms.forEach((part, i) => {
      expect(part.startsWith(`${i + 1}/${sms.length} `)).toBe(true);
      expect(isGsm7(part)).toBe(true);
      expect(segmentCount(part)).toBeLessThanOrEqual(t.config.smsSegmentBudget);
    });
    const wa = twimlMessages(
      (
        await postTwilio(
          t,
          MESSAGES_WEBHOOK,
          inboundParams({ from: 'whatsapp:+22376000106', body: 'x' }),
        )
      ).body,
    );
    expect(wa).toEqual([bambara.repeat(12).trim()]);
  });

  it('answers with a polite error when the bot fails, and stays up', async () => {
    bot.reply = () => {
      throw new Error('boom');
    };
    const res = await postTwilio(
      t,
      MESSAGES_WEBHOOK,
      inboundParams({ from: '+22376000107', body: 'x' }),
    );
    expect(res.status).toBe(200);
    expect(twimlMessages(res.body)[0]).toMatch(/problème/);
  });

  it('answers a turn slower than the inline deadline with empty TwiML and sends its replies through the outbox', async () => {
    const options = t.app.get<InboundOptions>(INBOUND_OPTIONS);
    const deadline = options.inlineDeadlineMs;
    options.inlineDeadlineMs = 100;
    bot.delayMs = 400;
    try {
      const params = inboundParams({ from: '+22376000109', body: 'lent' });
      const res = await postTwilio(t, MESSAGES_WEBHOOK, params);
      expect(res.status).toBe(200);
      expect(twimlMessages(res.body)).toEqual([]);
      const record = () =>
        collection(t, 'inbound_messages').findOne({ messageSid: params.MessageSid });
      for (let i = 0; i < 100 && (await record())?.status !== 'done'; i++) await sleep(50);
      const contactId = bot.activities.find((a) => a.id === params.MessageSid)!.from!.id;
      expect(await t.app.get(OutboxService).listForContact(contactId)).toMatchObject([
        { text: 'echo: lent', channel: 'sms', status: 'sink' },
      ]);
      // Twilio's retry gets nothing more: the reply already left through the outbox.
      expect(twimlMessages((await postTwilio(t, MESSAGES_WEBHOOK, params)).body)).toEqual([]);
      expect(bot.turnsFor(params.MessageSid)).toBe(1);
    } finally {
      options.inlineDeadlineMs = deadline;
    }
  });

  it('sends proactive messages (continueConversation) through the outbox, shaped for SMS', async () => {
    const params = inboundParams({ from: '+22376000108', body: 'salut' });
    await postTwilio(t, MESSAGES_WEBHOOK, params);
    const activity = bot.activities.find((a) => a.id === params.MessageSid)!;
    const adapter = t.app.get(TwilioBotAdapter);
    await adapter.continueConversation(
      TurnContext.getConversationReference(activity),
      async (context) => {
        await context.sendActivity({
          text: 'Rappel : rendez-vous à 9 h.',
          channelData: { kind: 'reminder', idempotencyKey: 'r-1' },
        });
      },
    );
    const queued = await t.app.get(OutboxService).listForContact(activity.from!.id);
    expect(queued).toMatchObject([
      { kind: 'reminder', channel: 'sms', text: 'Rappel : rendez-vous à 9 h.', status: 'sink' },
    ]);
  });

  it('rejects an unsigned status callback and accepts a signed one', async () => {
    const params = { MessageSid: newMessageSid(), MessageStatus: 'delivered', AccountSid: 'AC' };
    expect((await postTwilio(t, STATUS_WEBHOOK, params, { signature: null })).status).toBe(403);
    expect((await postTwilio(t, STATUS_WEBHOOK, params)).status).toBe(204);
  });
});
