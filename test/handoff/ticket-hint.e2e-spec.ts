import { randomBytes, randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { toGsm7 } from '../../src/channels/sms-text';
import { I18nService } from '../../src/common/i18n/i18n.service';
import { ContactsService } from '../../src/contacts/contacts.service';
import { createTestApp, TestApp } from '../harness/app';
import { LoggedIn, loginAs } from '../harness/auth';
import { startTestDatabase, TestDatabase } from '../harness/database';
import { inboundParams, MESSAGES_WEBHOOK, postTwilio, twimlMessages } from '../harness/twilio';
import { collection } from '../channels/helpers';
import { call, openTicket } from './helpers';

// A turn only looks for an open ticket when the person's contact carries a ticket hint: the hint
// must be set whenever a ticket is open, on one instance or several, and stale ones must go.
describe('ticket hint on the contact', () => {
  let db: TestDatabase;
  let t: TestApp;
  let supervisor: LoggedIn;
  // Fixed secrets: a second instance must find the same contacts.
  const env = {
    TEST_DB_NAME: `sira_hint_${Date.now().toString(36)}`,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
  };

  beforeAll(async () => {
    db = await startTestDatabase();
    t = await createTestApp(env, db);
    supervisor = await loginAs(t, 'supervisor');
  });

  afterAll(async () => {
    await t.close();
    await db.stop();
  });

  const hintOf = async (app: TestApp, contactId: string) =>
    (await collection(app, 'contacts').findOne({ _id: new Types.ObjectId(contactId) }))
      ?.ticketHint as string | null;
  const close = (id: string) =>
    call(t, 'POST', `/api/handoffs/${id}/close`, supervisor.token, { outcome: 'resolved' });
  const newNumber = () => `+2237${String(randomInt(10_000_000)).padStart(7, '0')}`;
  const send = async (app: TestApp, from: string, body: string) => {
    const res = await postTwilio(app, MESSAGES_WEBHOOK, inboundParams({ from, body }));
    expect(res.status).toBe(200);
    return twimlMessages(res.body);
  };
  const waiting = () => toGsm7(t.app.get(I18nService).t('fr', 'dialogs:handoff.waiting'));

  it('is set when a ticket opens and cleared when it closes', async () => {
    const { id, contactId } = await openTicket(t);
    expect(await hintOf(t, contactId)).toBe(id);
    expect((await close(id)).status).toBe(200);
    expect(await hintOf(t, contactId)).toBeNull();
  });

  it('names the winner when two turns open a ticket for one person at once', async () => {
    const { id: first, contactId } = await openTicket(t, { idempotencyKey: 'hint-race-0' });
    expect((await close(first)).status).toBe(200);
    const opened = await Promise.all(
      ['hint-race-1', 'hint-race-2', 'hint-race-3'].map((key) =>
        openTicket(t, { contactId, idempotencyKey: key }),
      ),
    );
    expect(new Set(opened.map((o) => o.id)).size).toBe(1);
    expect(await hintOf(t, contactId)).toBe(opened[0].id);
    expect((await close(opened[0].id)).status).toBe(200);
    expect(await hintOf(t, contactId)).toBeNull();
  });

  it('sends the person to the caseworker while a ticket is open, and back to the bot once closed', async () => {
    const from = newNumber();
    await send(t, from, 'bonjour');
    const contactId = (await t.app.get(ContactsService).findByPhone(from))!.id;
    const { id } = await openTicket(t, { contactId });
    expect(await send(t, from, 'allo ?')).toEqual([waiting()]);
    expect((await close(id)).status).toBe(200);
    const back = await send(t, from, 'bonjour');
    expect(back.length).toBeGreaterThan(0);
    expect(back).not.toEqual([waiting()]);
  });

  it('costs one lookup when stale and is then dropped; a fresh one is kept', async () => {
    const from = newNumber();
    await send(t, from, 'bonjour');
    const contactId = (await t.app.get(ContactsService).findByPhone(from))!.id;
    const contacts = collection(t, 'contacts');
    const setHint = (ageMs: number) =>
      contacts.updateOne(
        { _id: new Types.ObjectId(contactId) },
        { $set: { ticketHint: 'gone', ticketHintAt: new Date(Date.now() - ageMs) } },
      );

    await setHint(1000);
    expect(await send(t, from, 'bonjour')).not.toEqual([waiting()]);
    expect(await hintOf(t, contactId)).toBe('gone');

    await setHint(5 * 60_000);
    expect(await send(t, from, 'bonjour')).not.toEqual([waiting()]);
    expect(await hintOf(t, contactId)).toBeNull();
  });

  it('is given at start-up to people whose ticket was opened before hints existed', async () => {
    const from = newNumber();
    await send(t, from, 'bonjour');
    const contactId = (await t.app.get(ContactsService).findByPhone(from))!.id;
    const { id } = await openTicket(t, { contactId });
    await collection(t, 'contacts').updateOne(
      { _id: new Types.ObjectId(contactId) },
      { $set: { ticketHint: null, ticketHintAt: null } },
    );
    const other = await createTestApp(env, db);
    try {
      expect(await hintOf(other, contactId)).toBe(id);
      expect(await send(other, from, 'allo ?')).toEqual([waiting()]);
    } finally {
      await other.close();
    }
    expect((await close(id)).status).toBe(200);
    expect(await hintOf(t, contactId)).toBeNull();
  });
});
