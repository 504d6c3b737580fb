import { randomBytes } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { segmentCount, toGsm7 } from '../../src/channels/sms-text';
import { I18nService } from '../../src/common/i18n/i18n.service';
import { ContactsService } from '../../src/contacts/contacts.service';
import { HandoffService } from '../../src/handoff/handoff.service';
import { createTestApp, TestApp } from '../harness/app';
import { loginAs } from '../harness/auth';
import { startTestDatabase, TestDatabase } from '../harness/database';
import { Phone } from './transcript';

const CODE = /\b[2-9A-HJKMNP-Z]{6}\b/;

// A returnee on SMS with little credit: every reply must carry what they need, in as few segments
// as possible (demo directory: fictional +223 0000 xxxx numbers).
describe('a returnee on SMS (QA walk)', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await startTestDatabase();
    t = await createTestApp(
      {
        TEST_DB_NAME: `sira_returnee_${Date.now().toString(36)}`,
        DIRECTORY_DEMO_SEED: 'on',
        ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
      },
      db,
    );
  });

  afterAll(async () => {
    await t.close();
    await db.stop();
  });

  const referralsOf = async (phone: Phone) => {
    const contact = await t.app.get(ContactsService).findByPhone(phone.number);
    const referrals = t.app.get<Connection>(getConnectionToken()).collection('referrals');
    return referrals.find({ contactId: contact!.id }).toArray();
  };
  const segments = (replies: string[]) => replies.map(segmentCount);

  it('the referral confirmation names the service, its place, its phone and the code, in one SMS', async () => {
    const phone = new Phone(t);
    await phone.send('bjr jsuis a gao jcherche du travail');
    const results = await phone.send('1');
    const chosen = results[1];
    const confirm = await phone.send('2');
    expect(confirm).toHaveLength(1);
    const [referral] = await referralsOf(phone);
    expect(confirm[0]).toContain(referral.code as string);
    expect(confirm[0]).toMatch(CODE);
    expect(confirm[0]).toContain('Guichet unique de réintégration');
    expect(confirm[0]).toContain('Gao');
    // The phone shown with the result is in the confirmation too.
    const shownPhone = chosen.match(/\+223\d{8}/)?.[0];
    expect(shownPhone).toBeDefined();
    expect(confirm[0]).toContain(shownPhone);
    expect(segments(confirm)).toEqual([1]);
  });

  // The results step: one SMS per service, then the choice prompt.
  const resultsFor = async (first: string) => {
    const phone = new Phone(t);
    await phone.send(first);
    const replies = await phone.send('1');
    return { phone, services: replies.slice(0, -1) };
  };

  it('a service in another region says where and how far; each result is one SMS', async () => {
    const gao = await resultsFor('bjr jsuis a gao jcherche du travail');
    expect(gao.services.find((s) => s.includes('Kidal'))).toMatch(/Kidal \(à \d+ km\)/);
    expect(gao.services.filter((s) => /km\)/.test(s))).toHaveLength(1);
    const kayes = await resultsFor("bonjour je suis a Kayes, j'ai besoin de nourriture");
    const far = kayes.services.filter((s) => s.includes('Nioro du Sahel'));
    expect(far.length).toBeGreaterThan(0);
    far.forEach((s) => expect(s).toMatch(/Nioro du Sahel \(à 2\d0 km\)/));
    // The site in Kayes itself carries no distance.
    expect(kayes.services[0]).not.toMatch(/km\)/);
    expect(segments([...gao.services, ...kayes.services])).toEqual(Array(6).fill(1));
  });

  it('a site in a commune of the district says Bamako', async () => {
    const { services } = await resultsFor('bonjour je suis a bamako je cherche du travail');
    expect(services.some((s) => s.includes('Bamako Commune I.'))).toBe(true);
    expect(services.filter((s) => /, Commune [IV]+\./.test(s))).toEqual([]);
  });

  it('"1 2" at the results refers to both services, one SMS each, and is never a miss', async () => {
    const phone = new Phone(t);
    await phone.send('bjr jsuis a kayes jcherche du travail');
    const results = await phone.send('1');
    const replies = await phone.send('1 2');
    const referrals = await referralsOf(phone);
    expect(referrals).toHaveLength(2);
    expect(replies).toHaveLength(2);
    replies.forEach((reply, i) => {
      expect(reply).toContain(referrals[i].code as string);
      expect(reply).toContain(results[i].match(/\+223\d{8}/)![0]);
    });
    expect(segments(replies)).toEqual([1, 1]);
    // Not a miss: no caseworker was called in.
    const contact = await t.app.get(ContactsService).findByPhone(phone.number);
    const tickets = t.app.get<Connection>(getConnectionToken()).collection('handoffs');
    expect(await tickets.countDocuments({ contactId: contact!.id })).toBe(0);
  });

  it('a number out of the list beside a good one is left out', async () => {
    const phone = new Phone(t);
    await phone.send('bjr jsuis a kayes jcherche du travail');
    await phone.send('1');
    expect(await phone.send('1 7')).toHaveLength(1);
    expect(await referralsOf(phone)).toHaveLength(1);
  });

  // What the person reads for a dialogs key on SMS.
  const text = (key: string, vars?: Record<string, unknown>) =>
    toGsm7(t.app.get(I18nService).t('fr', `dialogs:${key}`, vars));

  it('a place typed at the needs question is acknowledged with the needs question, not "not understood"', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    const kept = await phone.send('kayes');
    expect(kept).toEqual([text('needs.placeKept', { place: 'Kayes' })]);
    expect(kept[0]).not.toContain(text('needs.retry'));
    expect(segments(kept)).toEqual([1]);
    // Not a miss: one reply that answers nothing still only gets the retry.
    expect(await phone.send('zzz qqq')).toEqual([text('needs.retry')]);
    // The place is not asked again.
    expect((await phone.send('travail')).at(-1)).toBe(text('results.choose', { max: 3 }));
  });

  it('a new place at the needs question replaces the one given before', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour je suis a Kayes');
    await phone.send('1');
    expect(await phone.send('non je suis a segou')).toEqual([
      text('needs.placeKept', { place: 'Ségou' }),
    ]);
    const results = await phone.send('travail');
    expect(results[0]).toContain('Ségou');
  });

  it('thanks, ok or a greeting after a referral get one short polite SMS, not the needs menu', async () => {
    const phone = new Phone(t);
    await phone.send('bjr jsuis a kayes jcherche du travail');
    await phone.send('1');
    await phone.send('1');
    expect(await phone.send('merci')).toEqual([text('courtesy.thanks')]);
    expect(await phone.send('Ok merci beaucoup !')).toEqual([text('courtesy.thanks')]);
    expect(await phone.send('bonjour')).toEqual([text('courtesy.hello')]);
    expect(segments([text('courtesy.thanks'), text('courtesy.hello')])).toEqual([1, 1]);
    // A need said afterwards starts again at once.
    expect((await phone.send("j'ai besoin de nourriture")).at(-1)).toBe(
      text('results.choose', { max: 3 }),
    );
  });

  it('"merci" after a caseworker closed the ticket gets one short polite SMS', async () => {
    const phone = new Phone(t);
    await phone.send('bonjour');
    await phone.send('1');
    await phone.send('AGENT');
    const contact = await t.app.get(ContactsService).findByPhone(phone.number);
    const tickets = t.app.get<Connection>(getConnectionToken()).collection('handoffs');
    const ticket = await tickets.findOne({ contactId: contact!.id });
    const supervisor = await loginAs(t, 'supervisor');
    await t.app
      .get(HandoffService)
      .close(supervisor.user, String(ticket!._id), { outcome: 'resolved' });
    expect(await phone.send('merci')).toEqual([text('courtesy.thanks')]);
    expect(await phone.send('je cherche du travail')).toEqual([text('place.ask')]);
  });
});
