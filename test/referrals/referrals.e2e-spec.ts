import { randomBytes } from 'node:crypto';
import { HandoffService } from '../../src/handoff/handoff.service';
import { OutboxService } from '../../src/outbox/outbox.service';
import * as codes from '../../src/referrals/referral-code';
import { FollowUpJob } from '../../src/referrals/follow-up.job';
import {
  CreateReferralInput,
  ReferralsService,
  ReferralView,
} from '../../src/referrals/referrals.service';
import { createTestApp, TestApp } from '../harness/app';
import { LoggedIn, loginAs } from '../harness/auth';
import { call, controlClock, newContact } from '../handoff/helpers';
import { seedDirectory } from './helpers';

const HOUR = 3600_000;

describe('referrals', () => {
  let t: TestApp;
  let services: { kayes: string; mopti: string };
  let setNow: (at: Date) => void;
  let kayes: LoggedIn;
  let mopti: LoggedIn;
  const base = new Date('2026-05-04T09:00:00Z');
  const at = (ms: number) => new Date(base.getTime() + ms);

  beforeAll(async () => {
    t = await createTestApp();
    setNow = controlClock(t, base);
    services = await seedDirectory(t);
    [kayes, mopti] = await Promise.all([
      loginAs(t, 'caseworker', ['Kayes']),
      loginAs(t, 'caseworker', ['Mopti']),
    ]);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  async function newReferral(over: Partial<CreateReferralInput> = {}) {
    const contactId = over.contactId ?? (await newContact(t));
    const input: CreateReferralInput = {
      contactId,
      serviceId: services.kayes,
      need: 'food',
      channel: 'sms',
      language: 'fr',
      idempotencyKey: `turn-${randomBytes(6).toString('hex')}`,
      consentToShare: false,
      ...over,
    };
    return { ...(await t.app.get(ReferralsService).create(input)), contactId, input };
  }

  async function byId(id: string, token = kayes.token): Promise<ReferralView | undefined> {
    const list = await call<ReferralView[]>(t, 'GET', '/api/referrals', token);
    return list.body.find((r) => r.id === id);
  }

  it('answers 401 without a token', async () => {
    expect((await call(t, 'GET', '/api/referrals')).status).toBe(401);
    expect(
      (
        await call(t, 'PATCH', '/api/referrals/000000000000000000000000', undefined, {
          status: 'accepted',
        })
      ).status,
    ).toBe(401);
  });

  it('gives a short unambiguous code, the same one for a retried turn', async () => {
    const first = await newReferral();
    expect(first.code).toMatch(codes.CODE_PATTERN);
    const again = await t.app.get(ReferralsService).create(first.input);
    expect(again).toEqual({ id: first.id, code: first.code });

    const many = await Promise.all(Array.from({ length: 30 }, () => newReferral()));
    expect(new Set(many.map((r) => r.code)).size).toBe(30);

    // A caseworker types the code heard over the phone, in any case and with spaces.
    const spoken = `${first.code.slice(0, 3)} ${first.code.slice(3)}`.toLowerCase();
    const found = await call<ReferralView[]>(
      t,
      'GET',
      `/api/referrals?code=${encodeURIComponent(spoken)}`,
      kayes.token,
    );
    expect(found.body.map((r) => r.id)).toEqual([first.id]);

    const view = await byId(first.id);
    expect(view).toMatchObject({
      status: 'sent',
      region: 'Kayes',
      serviceName: 'Distribution Kayes',
    });
    expect(view?.history.map((h) => [h.status, h.by])).toEqual([
      ['proposed', 'bot'],
      ['sent', 'bot'],
    ]);
  });

  it('draws another code when the first one is taken', async () => {
    const taken = await newReferral();
    const spy = jest
      .spyOn(codes, 'generateReferralCode')
      .mockReturnValueOnce(taken.code)
      .mockReturnValueOnce('XYZ234');
    const next = await newReferral();
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
    expect(next.code).toBe('XYZ234');
  });

  it('texts the provider only the code and the need, and only with consent', async () => {
    const outbox = t.app.get(OutboxService);
    const withConsent = await newReferral({ consentToShare: true });
    const provider = (await outbox.listForContact(withConsent.contactId)).filter(
      (m) => m.kind === 'provider',
    );
    expect(provider).toHaveLength(1);
    expect(provider[0].text).toContain(withConsent.code);
    expect(provider[0].text).toContain('nourriture');

    const withoutConsent = await newReferral({ consentToShare: false });
    expect(
      (await outbox.listForContact(withoutConsent.contactId)).filter((m) => m.kind === 'provider'),
    ).toEqual([]);
    const noPhone = await newReferral({ serviceId: services.mopti, consentToShare: true });
    expect(
      (await outbox.listForContact(noPhone.contactId)).filter((m) => m.kind === 'provider'),
    ).toEqual([]);
  });

  it('enforces the status table: valid moves are attributed, invalid ones get 409 with a reason', async () => {
    const { id } = await newReferral();
    const accepted = await call<ReferralView>(t, 'PATCH', `/api/referrals/${id}`, kayes.token, {
      status: 'accepted',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.history.at(-1)).toMatchObject({ status: 'accepted', by: kayes.email });

    const back = await call(t, 'PATCH', `/api/referrals/${id}`, kayes.token, {
      status: 'proposed',
    });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({
      code: 'REFERRAL_INVALID_TRANSITION',
      message: 'cannot go from accepted to proposed (allowed: completed, declined, no_show)',
    });
    expect(
      (await call(t, 'PATCH', `/api/referrals/${id}`, kayes.token, { status: 'completed' })).status,
    ).toBe(200);
    const final = await call(t, 'PATCH', `/api/referrals/${id}`, kayes.token, {
      status: 'declined',
    });
    expect(final.body.message).toBe('completed is a final status');

    expect(
      (await call(t, 'PATCH', `/api/referrals/${id}`, kayes.token, { status: 'lost' })).status,
    ).toBe(400);
    expect(
      (
        await call(t, 'PATCH', '/api/referrals/000000000000000000000000', kayes.token, {
          status: 'accepted',
        })
      ).status,
    ).toBe(404);
    const outside = await call(t, 'PATCH', `/api/referrals/${id}`, mopti.token, {
      status: 'no_show',
    });
    expect(outside.status).toBe(403);
    expect(await byId(id, mopti.token)).toBeUndefined();
  });

  it('sends each follow-up once after the delay, even with two instances', async () => {
    const dbName = `sira_followup_${randomBytes(4).toString('hex')}`;
    const first = await createTestApp({ TEST_DB_NAME: dbName }, t.db);
    const second = await createTestApp({ TEST_DB_NAME: dbName }, t.db);
    try {
      for (const app of [first, second]) controlClock(app, base);
      const contactId = await newContact(first);
      await seedDirectory(first);
      const created = await first.app.get(ReferralsService).create({
        contactId,
        serviceId: services.kayes,
        need: 'food',
        channel: 'sms',
        language: 'en',
        idempotencyKey: 'followup-once',
        consentToShare: false,
      });

      const runBoth = () =>
        Promise.all([first.app.get(FollowUpJob).run(), second.app.get(FollowUpJob).run()]);
      for (const app of [first, second]) controlClock(app, new Date(base.getTime() + 71 * HOUR));
      expect(await runBoth()).toEqual([0, 0]);

      for (const app of [first, second]) controlClock(app, new Date(base.getTime() + 73 * HOUR));
      const counts = await runBoth();
      expect(counts[0] + counts[1]).toBe(1);
      await runBoth();
      const followUps = (await first.app.get(OutboxService).listForContact(contactId)).filter(
        (m) => m.kind === 'followup',
      );
      expect(followUps).toHaveLength(1);
      expect(followUps[0].text).toBe(
        `Sira: did you get help from Distribution Kayes (code ${created.code})? Reply 1 yes 2 no`,
      );
    } finally {
      await second.close();
      await first.close();
    }
  });

  it("records a 'yes' as completed, once", async () => {
    const sut = t.app.get(ReferralsService);
    const { id, contactId } = await newReferral();
    expect(await sut.pendingFollowUp(contactId)).toBeNull();
    setNow(at(80 * HOUR));
    await t.app.get(FollowUpJob).run();
    expect(await sut.pendingFollowUp(contactId)).toMatchObject({
      referralId: id,
      serviceName: 'Distribution Kayes',
    });

    const answer = await sut.answerFollowUp(id, 'yes', 'SMyes');
    expect(answer).toMatchObject({ status: 'completed', ticketId: null });
    expect(answer.reply).toContain('Merci');
    expect(await sut.answerFollowUp(id, 'yes', 'SMyes')).toEqual(answer);
    expect(await sut.pendingFollowUp(contactId)).toBeNull();
    const view = await byId(id);
    expect(view?.history.at(-1)).toMatchObject({ status: 'completed', by: 'person' });
    expect(view?.followUp.answer).toBe('yes');
    setNow(base);
  });

  it("opens a follow_up ticket in the service's region on a 'no'", async () => {
    const sut = t.app.get(ReferralsService);
    const { id, contactId } = await newReferral();
    setNow(at(80 * HOUR));
    await t.app.get(FollowUpJob).run();

    const answer = await sut.answerFollowUp(id, 'no', 'SMno');
    expect(answer.status).toBe('sent');
    expect(answer.ticketId).toEqual(expect.any(String));
    expect(await sut.answerFollowUp(id, 'no', 'SMno')).toEqual(answer);
    expect(await t.app.get(HandoffService).findOpenForContact(contactId)).toMatchObject({
      id: answer.ticketId,
    });

    const ticket = await call<{
      reason: string;
      region: string;
      needs: string[];
      transcript: { text: string }[];
    }>(t, 'GET', `/api/handoffs/${answer.ticketId}`, kayes.token);
    expect(ticket.body).toMatchObject({ reason: 'follow_up', region: 'Kayes', needs: ['food'] });
    expect(ticket.body.transcript[0].text).toContain(
      "avez-vous reçu de l'aide de Distribution Kayes",
    );
    expect((await byId(id))?.followUp).toMatchObject({ answer: 'no', ticketId: answer.ticketId });
    setNow(base);
  });
  it('asks one follow-up at a time per person, and none while a caseworker has the conversation', async () => {
    const sut = t.app.get(ReferralsService);
    const outbox = t.app.get(OutboxService);
    const contactId = await newContact(t);
    const first = await newReferral({ contactId });
    const second = await newReferral({ contactId, need: 'health' });
    const followUps = async () =>
      (await outbox.listForContact(contactId))
        .filter((m) => m.kind === 'followup')
        .map((m) => m.text);

    setNow(at(73 * HOUR));
    await t.app.get(FollowUpJob).run();
    expect(await followUps()).toEqual([expect.stringContaining(first.code)]);
    await sut.answerFollowUp(first.id, 'no', 'SMfirst');

    // The 'no' opened a ticket: the second question waits until it is closed.
    setNow(at(98 * HOUR));
    await t.app.get(FollowUpJob).run();
    expect(await followUps()).toHaveLength(1);
    const ticket = await t.app.get(HandoffService).findOpenForContact(contactId);
    const admin = await loginAs(t, 'admin');
    await call(t, 'POST', `/api/handoffs/${ticket!.id}/close`, admin.token, {
      outcome: 'referred',
    });

    setNow(at(123 * HOUR));
    await t.app.get(FollowUpJob).run();
    expect(await followUps()).toEqual([
      expect.stringContaining(first.code),
      expect.stringContaining(second.code),
    ]);
    expect(await sut.pendingFollowUp(contactId)).toMatchObject({ referralId: second.id });
    setNow(base);
  });
});
