import { randomBytes } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { Flow } from '../../dialogs/flow-state';
import { MongoStorage } from '../../src/bot/mongo-storage';
import { personStateKey } from '../../src/bot/person-state';
import { toGsm7 } from '../../src/channels/sms-text';
import { I18nService } from '../../src/common/i18n/i18n.service';
import { Lang } from '../../src/common/i18n/lang';
import { ContactsService } from '../../src/contacts/contacts.service';
import { HandoffService } from '../../src/handoff/handoff.service';
import { ReferralsService } from '../../src/referrals/referrals.service';
import { createTestApp, TestApp } from '../harness/app';
import { startTestDatabase, TestDatabase } from '../harness/database';
import { controlClock } from '../handoff/helpers';
import { loginAs } from '../harness/auth';
import { Phone } from './transcript';

const CODE = '[2-9A-HJKMNP-Z]{6}';

describe('dialog transcripts through the Twilio webhook', () => {
  let db: TestDatabase;
  let t: TestApp;
  const dbName = `sira_dialogs_${Date.now().toString(36)}`;
  // Fixed secrets: a restarted instance must read the sealed state and find the same contacts.
  const env = {
    TEST_DB_NAME: dbName,
    DIRECTORY_DEMO_SEED: 'on',
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
  };

  beforeAll(async () => {
    db = await startTestDatabase();
    t = await createTestApp(env, db);
  });

  afterAll(async () => {
    await t.close();
    await db.stop();
  });

  // What the person reads for a dialogs key: folded to GSM-7 on SMS, as is on WhatsApp.
  const text = (lang: Lang, key: string, vars?: Record<string, unknown>, sms = true) => {
    const raw = t.app.get(I18nService).t(lang, `dialogs:${key}`, vars);
    return sms ? toGsm7(raw) : raw;
  };
  const collection = (name: string) => t.app.get<Connection>(getConnectionToken()).collection(name);
  const contactOf = async (phone: Phone) =>
    (await t.app.get(ContactsService).findByPhone(phone.number))!.id;
  const referralsOf = async (phone: Phone) =>
    collection('referrals')
      .find({ contactId: await contactOf(phone) })
      .toArray();
  const ticketsOf = async (phone: Phone) =>
    collection('handoffs')
      .find({ contactId: await contactOf(phone) })
      .toArray();
  // The bot's state of this person (one document: profile, and a conversation per channel).
  const stateKey = async (phone: Phone) => personStateKey(await contactOf(phone));
  const flowOf = async (phone: Phone): Promise<Flow> => {
    const key = await stateKey(phone);
    return (await t.app.get(MongoStorage).read([key]))[key].conversations.sms.flow as Flow;
  };

  // The results step: 1 to 3 services, one message each, then the choice prompt.
  function expectResults(replies: string[], lang: Lang, sms = true): void {
    const prompt = replies.at(-1)!;
    const services = replies.slice(0, -1);
    expect(services.length).toBeGreaterThanOrEqual(1);
    expect(services.length).toBeLessThanOrEqual(3);
    services.forEach((s, i) => expect(s.startsWith(`${i + 1}. `)).toBe(true));
    expect(prompt).toBe(text(lang, 'results.choose', { max: services.length }, sms));
  }

  // The confirmation with the referral code (first reply), read through the locale template.
  function expectCode(replies: string[], lang: Lang, sms = true): string {
    const template = text(
      lang,
      'results.confirm',
      { name: '@@', place: '@@', phone: '@@', code: '##' },
      sms,
    )
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replaceAll('@@', '.+')
      .replace('##', `(${CODE})`);
    const code = replies[0].match(new RegExp(`^${template}`))?.[1];
    expect({ reply: replies[0], code }).toEqual({
      reply: replies[0],
      code: expect.stringMatching(CODE),
    });
    return code!;
  }

  const fastPath: [Lang, string][] = [
    ['fr', 'bjr jsuis a kayes jcherche du travail'],
    ['en', 'hello I am in Kayes and I need a job'],
    ['bm', 'n bɛ Kayi, n mago bɛ baara la'],
  ];

  it.each(fastPath)(
    '%s fast path: need and place in the first message, code in ≤ 4 messages',
    async (lang, first) => {
      const phone = new Phone(t);
      expect(await phone.send(first)).toEqual([text(lang, 'consent.ask')]);
      // Nothing is shared with a provider before consent.
      expect(await referralsOf(phone)).toHaveLength(0);
      expectResults(await phone.send('1'), lang);
      const replies = await phone.send('1');
      expect(replies).toHaveLength(1);
      const code = expectCode(replies, lang);
      expect(phone.sent).toBeLessThanOrEqual(4);
      const referrals = await referralsOf(phone);
      // The region is the one of the site shown (the service has sites in several regions).
      expect(referrals.map((r) => [r.code, r.need, r.consentToShare, r.region])).toEqual([
        [code, 'employment', true, 'Kayes'],
      ]);
    },
  );

  it('WhatsApp: same path, Bambara letters kept (no SMS folding)', async () => {
    const phone = new Phone(t, 'whatsapp');
    const consent = t.app.get(I18nService).t('bm', 'dialogs:consent.ask');
    expect(consent).toMatch(/[ɛɔ]/);
    expect(await phone.send('n bɛ Kayi, n mago bɛ baara la')).toEqual([consent]);
    expectResults(await phone.send('1'), 'bm', false);
    expectCode(await phone.send('2'), 'bm', false);
  });

  const menusOnly: [Lang, string, string][] = [
    ['fr', 'bonjour', 'kayi'],
    ['en', 'hello', 'bko'],
    ['bm', 'i ni sogoma', 'segu'],
  ];

  it.each(menusOnly)(
    '%s menus only: nothing named, code in ≤ 6 messages',
    async (lang, first, place) => {
      const phone = new Phone(t);
      const greeting = await phone.send(first);
      // Language unknown from a bare greeting costs one question; otherwise consent comes first.
      if (greeting[0] === text(lang, 'language.ask')) {
        expect(await phone.send(String(['fr', 'en', 'bm'].indexOf(lang) + 1))).toEqual([
          text(lang, 'consent.ask'),
        ]);
      } else {
        expect(greeting).toEqual([text(lang, 'consent.ask')]);
      }
      const needs = await phone.send('1');
      expect(needs[0]).toBe(text(lang, 'needs.ask'));
      expect(needs[1]).toMatch(/^1 .+ 14 .+$/);
      expect(await phone.send('1 3')).toEqual([text(lang, 'place.ask')]);
      expectResults(await phone.send(place), lang);
      const [confirm, ...next] = await phone.send('1');
      expectCode([confirm], lang);
      expect(phone.sent).toBeLessThanOrEqual(6);
      // The second need (business) follows at once, nothing asked again.
      expect(confirm.endsWith(text(lang, 'results.nextNeed'))).toBe(true);
      expectResults(next, lang);
    },
  );

  it('goes on to the next need after a referral, and AUTRE skips a need', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour je suis a Kayes');
    await phone.send('1');
    await phone.send('1 5');
    const [confirm] = await phone.send('1');
    expect(confirm.endsWith(text('fr', 'results.nextNeed'))).toBe(true);
    // The food results were sent right after; "autre" skips food and asks for another need.
    const afterSkip = await phone.send('autre');
    expect(afterSkip[0]).toBe(text('fr', 'needs.askOther'));
  });

  it('RETOUR goes back one question and the correction is used', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    await phone.send('1');
    expectResults(await phone.send('segu'), 'fr');
    expect(await phone.send('RETOUR')).toEqual([text('fr', 'place.ask')]);
    const results = await phone.send('kayes');
    expectResults(results, 'fr');
    expect(results[0]).toMatch(/Kayes/i);
  });

  it('a need named instead of a number at the results replaces the current one', async () => {
    const phone = new Phone(t);
    await phone.send('bjr jsuis a kayes jcherche du travail');
    await phone.send('1');
    const food = await phone.send("non plutot j'ai besoin de nourriture");
    expectResults(food, 'fr');
    const [confirm] = await phone.send('1');
    expectCode([confirm], 'fr');
    expect((await referralsOf(phone)).map((r) => r.need)).toEqual(['food']);
  });

  it('a need and place given instead of the consent are kept, and not asked again', async () => {
    const phone = new Phone(t);
    expect(await phone.send('bonjour')).toEqual([text('fr', 'consent.ask')]);
    expect(await phone.send('je cherche du travail a kayes')).toEqual([
      text('fr', 'consent.retry'),
    ]);
    expectResults(await phone.send('oui'), 'fr');
  });

  it('a crisis in the very first message gets the safety message, nothing else', async () => {
    const phone = new Phone(t);
    const reply = await phone.send('I want to kill myself tonight');
    expect(reply).toEqual([text('en', 'crisis.safety', { contacts: t.config.emergencyContacts })]);
    expect((await ticketsOf(phone)).map((x) => [x.reason, x.urgent])).toEqual([['crisis', true]]);
  });

  it('asks the language when the first message does not tell it, answered with 1/2/3', async () => {
    const phone = new Phone(t);
    expect(await phone.send('?')).toEqual([text('fr', 'language.ask')]);
    expect(await phone.send('3')).toEqual([text('bm', 'consent.ask')]);
    expect((await t.app.get(ContactsService).findByPhone(phone.number))?.language).toBe('bm');
  });

  it('switches language midway and keeps it', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    expect((await phone.send('1'))[0]).toBe(text('fr', 'needs.ask'));
    const english = await phone.send('EN');
    expect(english[0]).toBe(text('en', 'needs.ask'));
    expect(english[1]).toMatch(/^1 work 2 training/);
    expect(await phone.send('work')).toEqual([text('en', 'place.ask')]);
    const contact = await t.app.get(ContactsService).findByPhone(phone.number);
    expect(contact?.language).toBe('en');
  });

  it('answers a crisis at once with the emergency contacts and opens an urgent ticket', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    const safety = await phone.send('je veux me tuer ce soir');
    expect(safety).toEqual([text('fr', 'crisis.safety', { contacts: t.config.emergencyContacts })]);
    const tickets = await ticketsOf(phone);
    expect(tickets.map((x) => [x.reason, x.urgent, x.open])).toEqual([['crisis', true, true]]);
    // The caseworker sees that the person was given the emergency numbers.
    const supervisor = await loginAs(t, 'supervisor');
    const detail = await t.app.get(HandoffService).get(supervisor.user, String(tickets[0]._id));
    expect(detail.transcript.at(-1)).toMatchObject({
      from: 'bot',
      text: t.app
        .get(I18nService)
        .t('fr', 'dialogs:crisis.safety', { contacts: t.config.emergencyContacts }),
    });
    // While the ticket is open, messages go to it; the bot no longer runs the dialog.
    expect(await phone.send('allo ?')).toEqual([]);
    expect(await phone.send('1')).toEqual([]);
  });

  it('hands over after two replies it cannot understand, and says so once', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    expect(await phone.send('zzz qqq')).toEqual([text('fr', 'needs.retry')]);
    expect(await phone.send('xkcd blorp')).toEqual([text('fr', 'handoff.notUnderstood')]);
    expect((await ticketsOf(phone)).map((x) => [x.reason, x.urgent])).toEqual([
      ['not_understood', false],
    ]);
    expect(await phone.send('merci')).toEqual([]);
  });

  it('a greeting mid-question (after STOP and START) asks the question again, never counted as a miss', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    await phone.send('STOP');
    await phone.send('START');
    const again = await phone.send('bonjour');
    expect(again[0]).toBe(text('fr', 'needs.ask'));
    expect(await phone.send('Bonjour !')).toEqual(again);
    expect(await ticketsOf(phone)).toHaveLength(0);
    expect(await phone.send('travail')).toEqual([text('fr', 'place.ask')]);
    // RETOUR still goes back to the question before.
    expect(await phone.send('RETOUR')).toEqual(again);
  });

  it('0 asks for a person at any step', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour je cherche du travail');
    await phone.send('1');
    expect(await phone.send('0')).toEqual([text('fr', 'handoff.requested')]);
    expect((await ticketsOf(phone)).map((x) => x.reason)).toEqual(['requested']);
  });

  it('STOP midway: confirmed once by the channel, then silence', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    const stop = await phone.send('STOP');
    expect(stop).toHaveLength(1);
    expect(await phone.send('1')).toEqual([]);
    expect(await phone.send('kayes')).toEqual([]);
  });

  it('a retried webhook (same MessageSid) creates one referral', async () => {
    const phone = new Phone(t);
    await phone.send('bjr jsuis a kayes jcherche du travail');
    await phone.send('1');
    const first = await phone.send('2', 'SMretriedreferral0000000000000001');
    const again = await phone.send('2', 'SMretriedreferral0000000000000001');
    expect(again).toEqual(first);
    expect(await referralsOf(phone)).toHaveLength(1);
  });

  it('turns racing for one conversation lose nothing, on one instance and across two', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    const other = await createTestApp(env, db);
    try {
      const second = new Phone(other, 'sms', phone.number);
      // Two instances: the slower save meets an eTag conflict and runs its turn again.
      const across = await Promise.all([phone.send('travail'), second.send('kayes')]);
      across.forEach((replies) => expect(replies.length).toBeGreaterThan(0));
      // One instance: turns of one conversation wait for each other.
      const alone = await Promise.all(['a1', 'a2', 'a3'].map((m) => phone.send(m)));
      expect(alone).toHaveLength(3);
    } finally {
      await other.close();
    }
    const flow = await flowOf(phone);
    const said = flow.transcript.filter((line) => line.from === 'person').map((line) => line.text);
    expect(said.slice(2, 4).sort()).toEqual(['kayes', 'travail']);
    expect(said.slice(4).sort()).toEqual(['a1', 'a2', 'a3']);
  });

  it('after 24 h of silence: welcome back and the previous answers offered again', async () => {
    const phone = new Phone(t);
    await phone.send('bjr jsuis a kayes jcherche du travail');
    await phone.send('1');
    // Age the conversation by 25 hours, as if the person had been silent.
    const key = await stateKey(phone);
    const storage = t.app.get(MongoStorage);
    const item = (await storage.read([key]))[key];
    item.conversations.sms.flow.lastAt -= 25 * 60 * 60 * 1000;
    await storage.write({ [key]: item });

    const back = await phone.send('salut');
    expect(back).toEqual([
      `${text('fr', 'welcomeBack')} ${text('fr', 'resume.ask', { place: 'Kayes', needs: 'travail' })}`,
    ]);
    expectResults(await phone.send('1'), 'fr');
  });

  it('a "2" to the referral follow-up reaches a caseworker, who is announced once', async () => {
    const phone = new Phone(t);
    await phone.send('bjr jsuis a kayes jcherche du travail');
    await phone.send('1');
    await phone.send('1');
    controlClock(t, new Date(Date.now() + (t.config.followUpDelayHours + 1) * 60 * 60 * 1000));
    try {
      expect(await t.app.get(ReferralsService).sendDueFollowUps()).toBeGreaterThanOrEqual(1);
    } finally {
      jest.restoreAllMocks();
    }
    const thanks = toGsm7(t.app.get(I18nService).t('fr', 'referrals:followUp.thanksNo'));
    expect(await phone.send('2')).toEqual([thanks]);
    expect((await ticketsOf(phone)).map((x) => x.reason)).toEqual(['follow_up']);
    expect(await phone.send('allo ?')).toEqual([text('fr', 'handoff.waiting')]);
    expect(await phone.send('vous êtes là ?')).toEqual([]);
  });

  it('a closed ticket hands the person back to the bot, which remembers the consent', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    await phone.send('AGENT');
    const [ticket] = await ticketsOf(phone);
    const supervisor = await loginAs(t, 'supervisor');
    await t.app
      .get(HandoffService)
      .close(supervisor.user, String(ticket._id), { outcome: 'resolved' });
    expect(await phone.send('je cherche du travail')).toEqual([text('fr', 'place.ask')]);
  });

  it('restart midway: a new instance on the same database resumes at the same step', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    expect(await phone.send('travail')).toEqual([text('fr', 'place.ask')]);
    await t.close();
    t = await createTestApp(env, db);
    phone.useApp(t);
    expectResults(await phone.send('kayes'), 'fr');
  });
});
