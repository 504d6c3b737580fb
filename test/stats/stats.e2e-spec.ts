import { ReferralsService } from '../../src/referrals/referrals.service';
import { createTestApp, TestApp } from '../harness/app';
import { loginAs } from '../harness/auth';
import { call, controlClock, newContact, openTicket } from '../handoff/helpers';

const MINUTE = 60_000;

describe('GET /api/stats', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without a token', async () => {
    expect((await call(t, 'GET', '/api/stats')).status).toBe(401);
  });

  it('matches the seeded tickets and referrals, with no identifiers', async () => {
    const base = new Date('2026-06-01T10:00:00Z');
    const setNow = controlClock(t, base);
    const kayes = await loginAs(t, 'caseworker', ['Kayes']);
    const admin = await loginAs(t, 'admin');

    const closed = await openTicket(t, { region: 'Kayes', needs: ['food', 'shelter'] });
    const claimed = await openTicket(t, { region: 'Kayes', needs: ['food'] });
    const waiting = await openTicket(t, { region: 'Mopti', needs: ['health'] });
    for (const id of [closed.id, claimed.id])
      await call(t, 'POST', `/api/handoffs/${id}/claim`, kayes.token);
    setNow(new Date(base.getTime() + 10 * MINUTE));
    await call(t, 'POST', `/api/handoffs/${closed.id}/messages`, kayes.token, { text: 'Bonjour' });
    setNow(new Date(base.getTime() + 30 * MINUTE));
    await call(t, 'POST', `/api/handoffs/${claimed.id}/messages`, kayes.token, { text: 'Bonjour' });
    await call(t, 'POST', `/api/handoffs/${closed.id}/close`, kayes.token, { outcome: 'resolved' });

    // Services unknown to the directory: the referrals have no region ('unknown').
    const referrals = t.app.get(ReferralsService);
    const referral = async (need: 'food' | 'health', key: string) =>
      referrals.create({
        contactId: await newContact(t),
        serviceId: `svc-${key}`,
        need,
        channel: 'sms',
        language: 'fr',
        idempotencyKey: key,
        consentToShare: false,
      });
    const completed = await referral('food', 'stats-1');
    const declined = await referral('health', 'stats-2');
    await referral('food', 'stats-3');
    await call(t, 'PATCH', `/api/referrals/${completed.id}`, admin.token, { status: 'completed' });
    await call(t, 'PATCH', `/api/referrals/${declined.id}`, admin.token, { status: 'declined' });

    setNow(new Date(base.getTime() + 2 * 60 * MINUTE));
    const res = await call(t, 'GET', '/api/stats', kayes.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      counts: {
        referrals: 3,
        tickets: 3,
        openTickets: 2,
        waiting: 1,
        claimed: 1,
        closed: 1,
        escalated: 0,
      },
      needsByRegion: [
        { region: 'Kayes', need: 'food', count: 2 },
        { region: 'Kayes', need: 'shelter', count: 1 },
        { region: 'Mopti', need: 'health', count: 1 },
        { region: 'unknown', need: 'food', count: 2 },
        { region: 'unknown', need: 'health', count: 1 },
      ],
      referralsByStatus: {
        proposed: 0,
        sent: 1,
        accepted: 0,
        completed: 1,
        declined: 1,
        no_show: 0,
      },
      followUps: { notSent: 3, awaitingAnswer: 0, yes: 0, no: 0 },
      ticketsByOutcome: { resolved: 1, referred: 0, unreachable: 0, no_action: 0, other: 0 },
      firstHumanReply: {
        medianMinutes: 20,
        samples: 2,
        buckets: [
          { bucket: '<15m', count: 1 },
          { bucket: '15-60m', count: 1 },
          { bucket: '1-4h', count: 0 },
          { bucket: '4-24h', count: 0 },
          { bucket: '>1d', count: 0 },
        ],
      },
      openTicketsByAge: [
        { bucket: '<1h', count: 0 },
        { bucket: '1-4h', count: 2 },
        { bucket: '4-24h', count: 0 },
        { bucket: '1-3d', count: 0 },
        { bucket: '>3d', count: 0 },
      ],
    });
    const text = JSON.stringify(res.body);
    for (const id of [closed.id, claimed.id, waiting.id, waiting.contactId, completed.code])
      expect(text).not.toContain(id);
  });
});
