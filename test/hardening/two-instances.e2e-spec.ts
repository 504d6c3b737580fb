import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ContactsService } from '../../src/contacts/contacts.service';
import { DirectoryService } from '../../src/directory/directory.service';
import { HandoffSlaJob } from '../../src/handoff/handoff-sla.job';
import { HandoffService } from '../../src/handoff/handoff.service';
import { OutboxSender } from '../../src/outbox/outbox.sender';
import { OutboxService } from '../../src/outbox/outbox.service';
import { FollowUpJob } from '../../src/referrals/follow-up.job';
import { RetentionJob } from '../../src/privacy/retention.job';
import { ReferralsService } from '../../src/referrals/referrals.service';
import { collection } from '../channels/helpers';
import { createTestApp, TestApp } from '../harness/app';
import { authHeader, loginAs } from '../harness/auth';
import { startTestDatabase, TestDatabase } from '../harness/database';
import {
  inboundParams,
  MESSAGES_WEBHOOK,
  postTwilio,
  startTwilioStandIn,
  TwilioStandIn,
} from '../harness/twilio';

const DAY = 24 * 3600_000;

// Two full instances (real bot, sender loops and scheduled jobs running) booted at the same time on one
// database behave as one: one admin, one send per message, one turn per MessageSid, one claim, one run per job.
describe('two instances on one database', () => {
  let db: TestDatabase;
  let standIn: TwilioStandIn;
  let a: TestApp;
  let b: TestApp;
  let seq = 0;
  const phone = () => `+2237650${String(1000 + ++seq)}`;
  const messagesTo = (to: string) => standIn.requests.filter((r) => r.params.To === to);
  // An ordinary waiting ticket for a new person, opened through the given instance.
  const openTicket = async (t: TestApp) => {
    const contact = await t.app.get(ContactsService).upsertByPhone(phone(), 'sms');
    return t.app.get(HandoffService).open({
      contactId: contact.id,
      channel: 'sms',
      language: 'fr',
      reason: 'requested',
      urgent: false,
      needs: [],
      transcript: [],
    });
  };

  beforeAll(async () => {
    db = await startTestDatabase();
    standIn = await startTwilioStandIn();
    const env = {
      ...standIn.env(),
      PUBLIC_BASE_URL: 'https://sira.example.org',
      TEST_DB_NAME: `two_${randomBytes(4).toString('hex')}`,
      DIRECTORY_DEMO_SEED: 'on',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    };
    [a, b] = await Promise.all([createTestApp(env, db), createTestApp(env, db)]);
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await standIn?.close();
    await db?.stop();
  });

  it('booting together seeds one first admin', async () => {
    expect(await collection(a, 'users').countDocuments({})).toBe(1);
  });

  it('sends every queued message exactly once while both sender loops run', async () => {
    const targets = Array.from({ length: 30 }, () => phone());
    for (const [i, to] of targets.entries()) {
      const instance = i % 2 ? b : a;
      const contact = await instance.app.get(ContactsService).upsertByPhone(to, 'sms');
      await instance.app
        .get(OutboxService)
        .enqueue({ contactId: contact.id, channel: 'sms', text: `message ${i}`, kind: 'system' });
    }
    // Extra passes racing the loops.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && targets.some((to) => messagesTo(to).length === 0)) {
      await Promise.all([a.app.get(OutboxSender).tick(), b.app.get(OutboxSender).tick()]);
      await sleep(100);
    }
    await sleep(1500);
    expect(targets.map((to) => messagesTo(to).length)).toEqual(targets.map(() => 1));
  });

  it('one MessageSid delivered to both instances at once runs one turn and gets one answer', async () => {
    const params = inboundParams({ from: phone(), body: 'bonjour je cherche du travail a kayes' });
    const [ra, rb] = await Promise.all([
      postTwilio(a, MESSAGES_WEBHOOK, params),
      postTwilio(b, MESSAGES_WEBHOOK, params),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect(ra.body).toBe(rb.body);
    expect(ra.body).toContain('<Message>');
    expect(
      await collection(a, 'inbound_messages').countDocuments({ messageSid: params.MessageSid }),
    ).toBe(1);
  });

  it('two caseworkers on two instances claiming one ticket: one wins', async () => {
    const ticket = await openTicket(a);
    const [x, y] = await Promise.all([loginAs(a, 'supervisor'), loginAs(b, 'supervisor')]);
    const claim = (t: TestApp, token: string) =>
      fetch(`${t.baseUrl}/api/handoffs/${ticket.id}/claim`, {
        method: 'POST',
        headers: authHeader(token),
      });
    const [ca, cb] = await Promise.all([claim(a, x.token), claim(b, y.token)]);
    const statuses = [ca.status, cb.status].sort();
    expect(statuses[0]).toBeLessThan(300);
    expect(statuses[1]).toBe(409);
    const winner = ca.status < 300 ? x : y;
    const stored = await collection(a, 'handoffs').findOne({ status: 'claimed' });
    expect(stored?.claimedBy).toMatchObject({ email: winner.email });
  });

  it('the SLA job run on both instances at once escalates each overdue ticket once, one notice each (first SMS part keyed #1)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { id } = await openTicket(b);
      ids.push(id);
    }
    const handoffs = collection(a, 'handoffs');
    const { ObjectId } = await import('mongodb');
    await handoffs.updateMany(
      { _id: { $in: ids.map((id) => new ObjectId(id)) } },
      { $set: { openedAt: new Date(Date.now() - 2 * DAY) } },
    );
    const runs = await Promise.all([
      a.app.get(HandoffSlaJob).run(),
      b.app.get(HandoffSlaJob).run(),
      a.app.get(HandoffSlaJob).run(),
      b.app.get(HandoffSlaJob).run(),
    ]);
    const escalated = runs.flat().filter((id) => ids.includes(id));
    expect(escalated.sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(
        await collection(a, 'outbound_messages').countDocuments({
          idempotencyKey: `handoff-sla:${id}#1`,
        }),
      ).toBe(1);
    }
  });

  it('the follow-up job run on both instances at once asks each due follow-up once', async () => {
    const contact = await a.app.get(ContactsService).upsertByPhone(phone(), 'sms');
    const [service] = await a.app
      .get(DirectoryService)
      .search({ needs: ['employment'], place: 'Kayes', lang: 'fr' });
    const referral = await a.app.get(ReferralsService).create({
      contactId: contact.id,
      serviceId: service.serviceId,
      need: 'employment',
      channel: 'sms',
      language: 'fr',
      idempotencyKey: `two-instances:${contact.id}`,
      consentToShare: true,
    });
    const { ObjectId } = await import('mongodb');
    await collection(a, 'referrals').updateOne(
      { _id: new ObjectId(referral.id) },
      { $set: { 'followUp.dueAt': new Date(Date.now() - 1000) } },
    );
    await Promise.all([
      a.app.get(FollowUpJob).run(),
      b.app.get(FollowUpJob).run(),
      a.app.get(FollowUpJob).run(),
      b.app.get(FollowUpJob).run(),
    ]);
    expect(
      await collection(a, 'outbound_messages').countDocuments({
        contactId: new ObjectId(contact.id),
        kind: 'followup',
      }),
    ).toBe(1);
  });

  it('the retention purge run on both instances at once erases and audits each expired person once', async () => {
    const contact = await a.app.get(ContactsService).upsertByPhone(phone(), 'sms');
    const { ObjectId } = await import('mongodb');
    await collection(a, 'contacts').updateOne(
      { _id: new ObjectId(contact.id) },
      { $set: { lastInboundAt: new Date(Date.now() - (a.config.retentionDays + 1) * DAY) } },
    );
    const runs = await Promise.all([a.app.get(RetentionJob).run(), b.app.get(RetentionJob).run()]);
    expect(runs.flat().filter((id) => id === contact.id)).toHaveLength(1);
    expect(
      await collection(a, 'audit_log').countDocuments({
        action: 'contact.retention_purge',
        targetId: contact.id,
      }),
    ).toBe(1);
  });
});
