import { Subscription } from 'rxjs';
import { AuditService } from '../../src/audit/audit.service';
import { HandoffEvents, HandoffQueueEvent } from '../../src/handoff/handoff-events';
import { HandoffSlaJob } from '../../src/handoff/handoff-sla.job';
import { OutboxService } from '../../src/outbox/outbox.service';
import { createTestApp, TestApp } from '../harness/app';
import { loginAs } from '../harness/auth';
import { call, controlClock, openTicket } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('handoff SLA escalation (controlled clock)', () => {
  let t: TestApp;
  let setNow: (at: Date) => void;
  let events: HandoffQueueEvent[];
  let subscription: Subscription;
  const base = new Date('2026-03-02T08:00:00Z');
  const at = (ms: number) => new Date(base.getTime() + ms);

  beforeAll(async () => {
    t = await createTestApp();
    setNow = controlClock(t, base);
    events = [];
    subscription = t.app.get(HandoffEvents).events$.subscribe((e) => events.push(e));
  });

  afterAll(async () => {
    subscription.unsubscribe();
    await t.close();
  });

  const escalated = () => events.filter((e) => e.type === 'escalated').map((e) => e.ticketId);
  const notForgotten = async (contactId: string) =>
    (await t.app.get(OutboxService).listForContact(contactId)).filter((m) =>
      m.text.includes('oubli'),
    );

  it('escalates urgent tickets unclaimed after 5 minutes and normal ones after 24 hours, once each', async () => {
    const sut = t.app.get(HandoffSlaJob);
    const urgent = await openTicket(t, { urgent: true, reason: 'crisis', region: 'Kayes' });
    const normal = await openTicket(t, { region: 'Kayes' });
    const claimedUrgent = await openTicket(t, { urgent: true, reason: 'crisis', region: 'Kayes' });
    const caseworker = await loginAs(t, 'caseworker', ['Kayes']);
    expect(
      (await call(t, 'POST', `/api/handoffs/${claimedUrgent.id}/claim`, caseworker.token)).status,
    ).toBe(200);

    setNow(at(4 * MINUTE));
    await sut.run();
    expect(escalated()).toEqual([]);

    setNow(at(6 * MINUTE));
    // Two overlapping runs (as with two instances) still escalate each ticket once.
    await Promise.all([sut.run(), sut.run()]);
    await sut.run();
    expect(escalated()).toEqual([urgent.id]);
    const told = await notForgotten(urgent.contactId);
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain(t.config.emergencyContacts);
    expect(await notForgotten(claimedUrgent.contactId)).toHaveLength(0);

    setNow(at(23 * HOUR));
    await sut.run();
    expect(escalated()).toEqual([urgent.id]);

    setNow(at(25 * HOUR));
    await sut.run();
    expect(escalated()).toEqual([urgent.id, normal.id]);
    expect(await notForgotten(normal.contactId)).toHaveLength(1);

    const audit = await t.app.get(AuditService).list({ action: 'handoff.escalated' }, 1, 10);
    expect(audit.items.map((e) => [e.actorId, e.targetId]).sort()).toEqual(
      [
        ['system', normal.id],
        ['system', urgent.id],
      ].sort(),
    );
    const supervisor = await loginAs(t, 'supervisor');
    const list = await call<{ id: string; escalated: boolean }[]>(
      t,
      'GET',
      '/api/handoffs?status=waiting',
      supervisor.token,
    );
    expect(
      list.body
        .filter((s) => s.escalated)
        .map((s) => s.id)
        .sort(),
    ).toEqual([normal.id, urgent.id].sort());
  });
});
