import { toGsm7 } from '../../src/channels/sms-text';
import { I18nService } from '../../src/common/i18n/i18n.service';
import { ContactsService } from '../../src/contacts/contacts.service';
import { OutboxService } from '../../src/outbox/outbox.service';
import { createTestApp, TestApp } from '../harness/app';
import {
  inboundParams,
  MESSAGES_WEBHOOK,
  postTwilio,
  twimlMessages,
  withTestBot,
} from '../harness/twilio';
import { RecordingBot } from './helpers';

const say = async (t: TestApp, from: string, body: string) =>
  twimlMessages((await postTwilio(t, MESSAGES_WEBHOOK, inboundParams({ from, body }))).body);

describe('keywords before any dialog', () => {
  let t: TestApp;
  const bot = new RecordingBot();
  let i18n: I18nService;
  let contacts: ContactsService;
  let outbox: OutboxService;
  // What the person reads on SMS: the locale string folded to GSM-7.
  const sms = (key: string, lng: 'fr' | 'en' | 'bm' = 'fr') =>
    toGsm7(i18n.t(lng, `channels:keywords.${key}`));

  beforeAll(async () => {
    t = await createTestApp({}, undefined, withTestBot(bot));
    i18n = t.app.get(I18nService);
    contacts = t.app.get(ContactsService);
    outbox = t.app.get(OutboxService);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('STOP: one confirmation, then silence, no turn, and the outbox refuses to send', async () => {
    const phone = '+22376000201';
    expect(await say(t, phone, 'Bonjour')).toEqual(['echo: Bonjour']);
    expect(await say(t, phone, 'STOP')).toEqual([sms('stopConfirm')]);
    const contact = (await contacts.findByPhone(phone))!;
    expect(contact.optedOut).toBe(true);
    expect(contact.channels.find((c) => c.type === 'sms')!.optedOut).toBe(true);

    const turns = bot.activities.length;
    expect(await say(t, phone, 'Bonjour ?')).toEqual([]);
    expect(await say(t, phone, 'stop')).toEqual([]);
    expect(bot.activities.length).toBe(turns);

    const queued = await outbox.enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'Rappel',
      kind: 'reminder',
    });
    expect(queued.status).toBe('refused');
    expect((await outbox.findById(queued.id))!.reason).toBe('opted_out');
    const proactive = await outbox.enqueue({
      contactId: contact.id,
      channel: 'whatsapp',
      text: 'x',
      kind: 'caseworker',
    });
    expect(proactive.status).toBe('refused');
  });

  it('OUI after STOP opts back in with one confirmation; the bot answers again', async () => {
    const phone = '+22376000202';
    await say(t, phone, 'ARRÊT');
    expect(await say(t, phone, 'oui')).toEqual([sms('startConfirm')]);
    expect((await contacts.findByPhone(phone))!.optedOut).toBe(false);
    // Not opted out any more: "oui" is an ordinary answer for the bot.
    expect(await say(t, phone, 'oui')).toEqual(['echo: oui']);
  });

  it('recognises keywords in any case and accents, in French, English and Bambara', async () => {
    expect(await say(t, '+22376000203', 'arret !')).toEqual([sms('stopConfirm')]);
    expect(await say(t, '+22376000203', 'Start')).toEqual([sms('startConfirm')]);
    expect(await say(t, '+22376000204', 'Dabila')).toEqual([sms('stopConfirm', 'bm')]);
    expect(await say(t, '+22376000204', 'AWƆ')).toEqual([sms('startConfirm', 'bm')]);
    expect(await say(t, '+22376000205', 'AIDE')).toEqual([sms('help')]);
    expect(await say(t, '+22376000205', 'help')).toEqual([sms('help', 'en')]);
    expect(await say(t, '+22376000205', 'dɛmɛ')).toEqual([sms('help', 'bm')]);
    // WhatsApp keeps the Bambara letters.
    expect(await say(t, 'whatsapp:+22376000206', 'Dɛmɛ')).toEqual([
      i18n.t('bm', 'channels:keywords.help'),
    ]);
  });

  it('leaves sentences containing a keyword to the bot', async () => {
    expect(await say(t, '+22376000207', 'je veux arrêter de fumer')).toEqual([
      'echo: je veux arreter de fumer',
    ]);
  });
});

describe('with Twilio Advanced Opt-Out on SMS', () => {
  let t: TestApp;
  const bot = new RecordingBot();

  beforeAll(async () => {
    t = await createTestApp({ TWILIO_ADVANCED_OPT_OUT: 'true' }, undefined, withTestBot(bot));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('records STOP/START/HELP on SMS without answering (Twilio does), answers on WhatsApp', async () => {
    const contacts = t.app.get(ContactsService);
    expect(await say(t, '+22376000301', 'STOP')).toEqual([]);
    expect((await contacts.findByPhone('+22376000301'))!.optedOut).toBe(true);
    expect(await say(t, '+22376000301', 'START')).toEqual([]);
    expect((await contacts.findByPhone('+22376000301'))!.optedOut).toBe(false);
    expect(await say(t, '+22376000301', 'HELP')).toEqual([]);
    expect(await say(t, '+22376000301', 'Arrêt')).toEqual([]);
    // Twilio still blocks the number: only its START unblocks it.
    expect(await say(t, '+22376000301', 'oui')).toEqual([]);
    expect((await contacts.findByPhone('+22376000301'))!.optedOut).toBe(true);
    expect(await say(t, '+22376000301', 'START')).toEqual([]);
    expect((await contacts.findByPhone('+22376000301'))!.optedOut).toBe(false);
    expect(await say(t, 'whatsapp:+22376000302', 'STOP')).toHaveLength(1);
  });
});
