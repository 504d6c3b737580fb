import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { firstValueFrom } from 'rxjs';
import { AuditService } from '../../src/audit/audit.service';
import { HandoffEvents, HandoffQueueEvent } from '../../src/handoff/handoff-events';
import { HandoffService } from '../../src/handoff/handoff.service';
import { OutboxService } from '../../src/outbox/outbox.service';
import { createTestApp, TestApp } from '../harness/app';
import { LoggedIn, loginAs } from '../harness/auth';
import { call, openTicket } from './helpers';

interface Summary {
  id: string;
  status: string;
  priority: number;
  region: string | null;
  claimedBy: { id: string; email: string } | null;
}

interface Detail extends Summary {
  transcript: { from: string; text: string; by: string | null; deliveryStatus: string | null }[];
}

describe('handoff API', () => {
  let t: TestApp;
  let kayes: LoggedIn;
  let mopti: LoggedIn;
  let supervisor: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    [kayes, mopti, supervisor] = await Promise.all([
      loginAs(t, 'caseworker', ['Kayes']),
      loginAs(t, 'caseworker', ['Mopti']),
      loginAs(t, 'supervisor'),
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without a token on every route', async () => {
    const { id } = await openTicket(t);
    const routes: [string, string][] = [
      ['GET', '/api/handoffs'],
      ['GET', `/api/handoffs/${id}`],
      ['GET', '/api/handoffs/events'],
      ['POST', `/api/handoffs/${id}/claim`],
      ['POST', `/api/handoffs/${id}/release`],
      ['POST', `/api/handoffs/${id}/transfer`],
      ['POST', `/api/handoffs/${id}/messages`],
      ['POST', `/api/handoffs/${id}/close`],
    ];
    for (const [method, path] of routes) {
      expect({ method, path, status: (await call(t, method, path)).status }).toEqual({
        method,
        path,
        status: 401,
      });
    }
    expect((await call(t, 'GET', '/api/handoffs', 'not-a-jwt')).status).toBe(401);
  });

  it('scopes caseworkers to their regions (plus unrouted tickets); supervisors see all', async () => {
    const inKayes = await openTicket(t, { region: 'Kayes' });
    const inMopti = await openTicket(t, { region: 'Mopti' });
    const unrouted = await openTicket(t);

    const ids = async (who: LoggedIn) =>
      (await call<Summary[]>(t, 'GET', '/api/handoffs?status=waiting', who.token)).body.map(
        (s) => s.id,
      );
    const seenByKayes = await ids(kayes);
    expect(seenByKayes).toEqual(expect.arrayContaining([inKayes.id, unrouted.id]));
    expect(seenByKayes).not.toContain(inMopti.id);
    expect(await ids(supervisor)).toEqual(
      expect.arrayContaining([inKayes.id, inMopti.id, unrouted.id]),
    );

    const denied = await call(t, 'GET', `/api/handoffs/${inMopti.id}`, kayes.token);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('HANDOFF_OUT_OF_REGION');
    expect((await call(t, 'POST', `/api/handoffs/${inMopti.id}/claim`, kayes.token)).status).toBe(
      403,
    );
    expect((await call(t, 'GET', `/api/handoffs/${inMopti.id}`, mopti.token)).status).toBe(200);
  });

  it('orders the queue urgent > vulnerable > normal, then oldest first', async () => {
    const region = 'Sikasso';
    const normalOld = await openTicket(t, { region });
    const normalNew = await openTicket(t, { region });
    const vulnerable = await openTicket(t, { region, vulnerable: true });
    const urgent = await openTicket(t, { region, urgent: true, reason: 'crisis' });
    const list = await call<Summary[]>(t, 'GET', '/api/handoffs?status=waiting', supervisor.token);
    const order = list.body.filter((s) => s.region === region).map((s) => s.id);
    expect(order).toEqual([urgent.id, vulnerable.id, normalOld.id, normalNew.id]);
  });

  it('gives a ticket to exactly one of 20 caseworkers claiming at once', async () => {
    const { id } = await openTicket(t, { region: 'Ségou' });
    const crowd = await Promise.all(
      Array.from({ length: 20 }, () => loginAs(t, 'caseworker', ['Ségou'])),
    );
    const results = await Promise.all(
      crowd.map((cw) => call(t, 'POST', `/api/handoffs/${id}/claim`, cw.token)),
    );

    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    const winner = crowd[results.indexOf(winners[0])];
    for (const loser of losers) {
      expect(loser.body).toMatchObject({
        code: 'HANDOFF_ALREADY_CLAIMED',
        message: `already claimed by ${winner.email}`,
      });
    }
    const detail = await call<Detail>(t, 'GET', `/api/handoffs/${id}`, supervisor.token);
    expect(detail.body.claimedBy?.email).toBe(winner.email);
  });

  it('relays a reply through the outbox, keeps the transcript encrypted at rest and audits reads', async () => {
    const { id, contactId } = await openTicket(t, { region: 'Kayes' });
    const tooEarly = await call(t, 'POST', `/api/handoffs/${id}/messages`, kayes.token, {
      text: 'Bonjour',
    });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('HANDOFF_NOT_WAITING');

    expect((await call(t, 'POST', `/api/handoffs/${id}/claim`, kayes.token)).status).toBe(200);
    const reply = await call(t, 'POST', `/api/handoffs/${id}/messages`, kayes.token, {
      text: 'Bonjour, je suis Awa de Sira.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.deliveryStatus).toBe('sink');
    const outbound = await t.app.get(OutboxService).listForContact(contactId);
    expect(outbound.map((m) => [m.kind, m.text])).toContainEqual([
      'caseworker',
      'Bonjour, je suis Awa de Sira.',
    ]);

    const claimedList = await call<(Summary & { messageCount: number })[]>(
      t,
      'GET',
      '/api/handoffs?status=claimed',
      kayes.token,
    );
    expect(claimedList.body.find((s) => s.id === id)).toMatchObject({ messageCount: 2 });
    expect(claimedList.body.find((s) => s.id === id)).not.toHaveProperty('transcript');

    const detail = await call<Detail>(t, 'GET', `/api/handoffs/${id}`, kayes.token);
    expect(detail.body.transcript.map((l) => [l.from, l.text])).toEqual([
      ['person', "J'ai besoin d'aide pour manger"],
      ['caseworker', 'Bonjour, je suis Awa de Sira.'],
    ]);
    expect(detail.body.transcript[1]).toMatchObject({ by: kayes.email, deliveryStatus: 'sink' });

    const raw = JSON.stringify(
      await t.app
        .get<Connection>(getConnectionToken())
        .collection('handoffs')
        .findOne({ contactId }),
    );
    expect(raw).not.toContain('manger');
    expect(raw).not.toContain('Awa');

    const audit = await t.app
      .get(AuditService)
      .list({ targetId: id, action: 'handoff.read' }, 1, 10);
    expect(audit.items).toEqual([
      expect.objectContaining({ actorEmail: kayes.email, targetType: 'handoff' }),
    ]);

    const other = await loginAs(t, 'caseworker', ['Kayes']);
    const notMine = await call(t, 'POST', `/api/handoffs/${id}/messages`, other.token, {
      text: 'Salut',
    });
    expect(notMine.status).toBe(409);
    expect(notMine.body.message).toBe(`claimed by ${kayes.email}, not by ${other.email}`);
    expect(
      (await call(t, 'POST', `/api/handoffs/${id}/messages`, kayes.token, { text: '' })).status,
    ).toBe(400);
  });

  it("surfaces 'held' when the WhatsApp 24 h window is closed", async () => {
    const { id } = await openTicket(t, { region: 'Kayes', channel: 'whatsapp' });
    await call(t, 'POST', `/api/handoffs/${id}/claim`, kayes.token);
    const reply = await call(t, 'POST', `/api/handoffs/${id}/messages`, kayes.token, {
      text: 'Bonjour',
    });
    expect(reply.body.deliveryStatus).toBe('held');
  });

  it('routes person messages to the open ticket, tells the bot to speak once, and hands back on close', async () => {
    const handoffs = t.app.get(HandoffService);
    const { id, contactId } = await openTicket(t, { region: 'Kayes' });
    expect(await handoffs.findOpenForContact(contactId)).toEqual({ id, notifiedWaiting: false });

    expect(await handoffs.appendPersonMessage(id, 'Vous êtes là ?', 'SM1')).toEqual({
      firstSinceOpen: true,
      appended: true,
    });
    expect(await handoffs.appendPersonMessage(id, 'Allô ?', 'SM2')).toEqual({
      firstSinceOpen: false,
      appended: true,
    });
    // A webhook retry with the same sid is not appended twice, but still belongs to the ticket.
    expect(await handoffs.appendPersonMessage(id, 'Allô ?', 'SM2')).toEqual({
      firstSinceOpen: false,
      appended: true,
    });
    expect(await handoffs.findOpenForContact(contactId)).toEqual({ id, notifiedWaiting: true });

    // A second open for the same person returns the same ticket; a crisis moves it to the top.
    expect((await openTicket(t, { contactId, region: 'Kayes' })).id).toBe(id);
    expect(
      (await openTicket(t, { contactId, region: 'Kayes', urgent: true, reason: 'crisis' })).id,
    ).toBe(id);
    const raised = await call<Summary & { urgent: boolean }>(
      t,
      'GET',
      `/api/handoffs/${id}`,
      kayes.token,
    );
    expect(raised.body).toMatchObject({ priority: 0, urgent: true });

    await call(t, 'POST', `/api/handoffs/${id}/claim`, kayes.token);
    const badOutcome = await call(t, 'POST', `/api/handoffs/${id}/close`, kayes.token, {
      outcome: 'whatever',
    });
    expect(badOutcome.status).toBe(400);
    const closed = await call<Summary>(t, 'POST', `/api/handoffs/${id}/close`, kayes.token, {
      outcome: 'resolved',
      note: 'Orientée vers la banque de céréales',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(await handoffs.findOpenForContact(contactId)).toBeNull();
    expect((await handoffs.appendPersonMessage(id, 'Merci', 'SM3')).appended).toBe(false);
    const again = await call(t, 'POST', `/api/handoffs/${id}/close`, kayes.token, {
      outcome: 'resolved',
    });
    expect(again.status).toBe(409);

    const outbound = await t.app.get(OutboxService).listForContact(contactId);
    expect(outbound.at(-1)?.text).toContain('MENU');
    const detail = await call<Detail & { note: string }>(
      t,
      'GET',
      `/api/handoffs/${id}`,
      kayes.token,
    );
    expect(detail.body.note).toBe('Orientée vers la banque de céréales');
    expect(detail.body.transcript.filter((l) => l.from === 'person')).toHaveLength(3);

    // The next request for a human opens a fresh ticket.
    expect((await openTicket(t, { contactId })).id).not.toBe(id);
  });

  it('releases and transfers', async () => {
    const { id } = await openTicket(t, { region: 'Kayes' });
    await call(t, 'POST', `/api/handoffs/${id}/claim`, kayes.token);
    const released = await call<Summary>(t, 'POST', `/api/handoffs/${id}/release`, kayes.token);
    expect(released.body).toMatchObject({ status: 'waiting', claimedBy: null });

    await call(t, 'POST', `/api/handoffs/${id}/claim`, kayes.token);
    expect((await call(t, 'POST', `/api/handoffs/${id}/transfer`, kayes.token, {})).status).toBe(
      400,
    );
    const wrongRegion = await call(t, 'POST', `/api/handoffs/${id}/transfer`, kayes.token, {
      toUserId: mopti.user.id,
    });
    expect(wrongRegion.body.code).toBe('HANDOFF_INVALID_TRANSFER');

    const colleague = await loginAs(t, 'caseworker', ['Kayes']);
    const toColleague = await call<Summary>(
      t,
      'POST',
      `/api/handoffs/${id}/transfer`,
      kayes.token,
      {
        toUserId: colleague.user.id,
      },
    );
    expect(toColleague.body).toMatchObject({
      status: 'claimed',
      claimedBy: { email: colleague.email },
    });

    const typo = await call(t, 'POST', `/api/handoffs/${id}/transfer`, colleague.token, {
      toRegion: 'Moptii',
    });
    expect(typo.body).toMatchObject({
      code: 'HANDOFF_INVALID_TRANSFER',
      message: 'unknown region "Moptii"',
    });
    const toMopti = await call<Summary>(
      t,
      'POST',
      `/api/handoffs/${id}/transfer`,
      colleague.token,
      { toRegion: ' mopti ' },
    );
    expect(toMopti.body).toMatchObject({ status: 'waiting', region: 'Mopti', claimedBy: null });
    expect((await call(t, 'GET', `/api/handoffs/${id}`, colleague.token)).status).toBe(403);
    expect((await call(t, 'POST', `/api/handoffs/${id}/claim`, mopti.token)).status).toBe(200);
  });

  it('streams queue changes over SSE with ?access_token=, filtered by region', async () => {
    expect((await fetch(`${t.baseUrl}/api/handoffs/events?access_token=bad`)).status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`${t.baseUrl}/api/handoffs/events?access_token=${kayes.token}`, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();

    await openTicket(t, { region: 'Mopti' });
    const visible = await openTicket(t, { region: 'Kayes' });
    let received = '';
    while (!received.includes(visible.id)) {
      const { value, done } = await reader.read();
      if (done) break;
      received += Buffer.from(value).toString('utf8');
    }
    controller.abort();
    const events = received
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map(
        (line) => JSON.parse(line.slice(6)) as { type: string; ticketId: string; region: string },
      );
    expect(events).toEqual([
      expect.objectContaining({ type: 'opened', ticketId: visible.id, region: 'Kayes' }),
    ]);
    expect(received).not.toContain('manger');
  });
  it('relays queue events between instances sharing the database', async () => {
    const other = await createTestApp(
      { TEST_DB_NAME: t.config.mongodbUri!.split('/').pop()! },
      t.db,
    );
    try {
      const received = new Promise<HandoffQueueEvent>((resolve) => {
        const sub = other.app.get(HandoffEvents).events$.subscribe((e) => {
          if (e.ticketId !== opened.id) return;
          sub.unsubscribe();
          resolve(e);
        });
      });
      const opened = await openTicket(t, { region: 'Gao' });
      expect(await received).toMatchObject({
        type: 'opened',
        ticketId: opened.id,
        region: 'Gao',
        status: 'waiting',
      });
    } finally {
      await other.close();
    }
  });
  it('ends event streams opened while the app shuts down (a reconnecting console must not hold it open)', async () => {
    const other = await createTestApp();
    try {
      const admin = await loginAs(other, 'supervisor');
      const events = other.app.get(HandoffEvents);
      await events.onModuleDestroy();
      // A stream that subscribes after shutdown began still hears it.
      await expect(firstValueFrom(events.closing$)).resolves.toBeUndefined();
      const res = await fetch(`${other.baseUrl}/api/handoffs/events?access_token=${admin.token}`);
      expect(res.status).toBe(200);
      // Reads to the end: without the fix the stream stays open and this never returns.
      expect(await res.text()).not.toContain('"type":"opened"');
    } finally {
      await other.close();
    }
  });
  it('documents its routes in the OpenAPI description', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    for (const path of [
      '/api/handoffs',
      '/api/handoffs/{id}',
      '/api/handoffs/{id}/claim',
      '/api/handoffs/events',
      '/api/referrals/{id}',
      '/api/stats',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/handoffs/{id}/claim'].post.security).toEqual([{ bearer: [] }]);
  });
});
