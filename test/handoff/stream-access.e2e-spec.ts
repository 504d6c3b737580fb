import { getConnectionToken } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuthService } from '../../src/auth/auth.service';
import { QUEUE_STREAM_OPTIONS } from '../../src/handoff/queue-stream';
import { createTestApp, TestApp } from '../harness/app';
import { login, LoggedIn, loginAs } from '../harness/auth';
import { call, openTicket } from './helpers';

interface StreamEvent {
  type: string;
  ticketId?: string;
  reason?: string;
}

// An open live-queue stream follows the account as it is now, not as it was when the console connected.
describe('queue stream follows the account (e2e)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    // Every event checked against the account, a heartbeat (and check) every 200 ms.
    t = await createTestApp({}, undefined, {
      override: (b) =>
        b.overrideProvider(QUEUE_STREAM_OPTIONS).useValue({ heartbeatMs: 200, recheckMs: 0 }),
    });
    adminToken = (await login(t.baseUrl, t.config.adminEmail, t.config.adminPassword)).token;
  });

  afterAll(async () => {
    await t.close();
  });

  async function openStream(token: string) {
    const controller = new AbortController();
    const res = await fetch(`${t.baseUrl}/api/handoffs/events?access_token=${token}`, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const events: StreamEvent[] = [];
    let buffered = '';
    let ended = false;
    // Reads until `until` holds for the events so far, or the server ends the stream.
    const read = async (until: (events: StreamEvent[]) => boolean = () => false) => {
      while (!ended && !until(events)) {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          break;
        }
        buffered += Buffer.from(value).toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as StreamEvent);
        }
      }
      return { events: events.filter((e) => e.type !== 'ping'), ended };
    };
    return { read, close: () => controller.abort() };
  }

  const sawTicket = (id: string) => (events: StreamEvent[]) =>
    events.some((e) => e.ticketId === id);

  it('ends the stream of an account deactivated while it is open, before the next event', async () => {
    const cw = await loginAs(t, 'caseworker', ['Kayes']);
    const stream = await openStream(cw.token);
    const before = await openTicket(t, { region: 'Kayes' });
    await stream.read(sawTicket(before.id));

    expect(
      (await call(t, 'PATCH', `/api/users/${cw.user.id}`, adminToken, { active: false })).status,
    ).toBe(200);
    const after = await openTicket(t, { region: 'Kayes' });

    const { events, ended } = await stream.read();
    expect(ended).toBe(true);
    expect(events.map((e) => e.ticketId ?? e.type)).toEqual([before.id, 'ended']);
    expect(events.at(-1)).toEqual({ type: 'ended', reason: 'ACCOUNT_DEACTIVATED' });
    expect(events.map((e) => e.ticketId)).not.toContain(after.id);
  });

  it('ends the stream of a deleted account with ACCOUNT_NOT_FOUND', async () => {
    const cw = await loginAs(t, 'caseworker', ['Kayes']);
    const stream = await openStream(cw.token);
    await t.app
      .get<Connection>(getConnectionToken())
      .collection('users')
      .deleteOne({ _id: new Types.ObjectId(cw.user.id) });

    const { events, ended } = await stream.read();
    expect(ended).toBe(true);
    expect(events).toEqual([{ type: 'ended', reason: 'ACCOUNT_NOT_FOUND' }]);
  });

  it('applies a region removed while the stream is open to the next events', async () => {
    const cw = await loginAs(t, 'caseworker', ['Kayes', 'Mopti']);
    const stream = await openStream(cw.token);
    const mopti = await openTicket(t, { region: 'Mopti' });
    await stream.read(sawTicket(mopti.id));

    const changed = await call(t, 'PATCH', `/api/users/${cw.user.id}`, adminToken, {
      regions: ['Kayes'],
    });
    expect(changed.status).toBe(200);
    const moptiLater = await openTicket(t, { region: 'Mopti' });
    const kayes = await openTicket(t, { region: 'Kayes' });

    const { events, ended } = await stream.read(sawTicket(kayes.id));
    stream.close();
    expect(ended).toBe(false);
    expect(events.map((e) => e.ticketId)).toEqual([mopti.id, kayes.id]);
    expect(events.map((e) => e.ticketId)).not.toContain(moptiLater.id);
  });

  it('ends the stream when its access token expires, so the console reconnects with a fresh one', async () => {
    const cw: LoggedIn = await loginAs(t, 'caseworker', ['Kayes']);
    const shortLived = t.app.get(AuthService).signAccessToken(cw.user, 1);
    const stream = await openStream(shortLived);
    // Past the token's expiry (whole seconds): the next heartbeat's check refuses it.
    await sleep(2100);

    const { events, ended } = await stream.read();
    expect(ended).toBe(true);
    expect(events).toEqual([{ type: 'ended', reason: 'TOKEN_EXPIRED' }]);
  });
});
