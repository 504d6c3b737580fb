import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { InboundSpool } from '../../src/channels/inbound-spool';
import { toGsm7 } from '../../src/channels/sms-text';
import { I18nService } from '../../src/common/i18n/i18n.service';
import { EmbeddedMongoServer } from '../../src/database/embedded/server';
import { collection } from '../channels/helpers';
import { createTestApp, TestApp } from '../harness/app';
import { inboundParams, MESSAGES_WEBHOOK, postTwilio, twimlMessages } from '../harness/twilio';

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(200))
    if (await check()) return true;
  return false;
}

// The database goes away under a running service and comes back on the same address.
describe('inbound webhooks while the database is down', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sira-spool-db-'));
  let server = new EmbeddedMongoServer();
  let port: number;
  let t: TestApp;

  beforeAll(async () => {
    const { uri } = await server.start({ dataDir });
    port = Number(new URL(uri).port);
    t = await createTestApp(
      { DIRECTORY_DEMO_SEED: 'on' },
      { uri, kind: 'embedded', stop: async () => undefined },
    );
  });

  afterAll(async () => {
    await t?.close();
    await server.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are spooled with an apology, then replayed in order with replies through the outbox', async () => {
    const from = '+22376543210';
    // Known before the outage, so the replay continues a conversation.
    expect(
      (await postTwilio(t, MESSAGES_WEBHOOK, inboundParams({ from, body: 'bonjour' }))).status,
    ).toBe(200);

    await server.stop();
    const connection = t.app.get<Connection>(getConnectionToken());
    expect(await until(async () => connection.readyState !== 1, 15_000)).toBe(true);

    const first = inboundParams({ from, body: 'je cherche du travail a kayes' });
    const second = inboundParams({ from, body: '1' });
    const apology = t.app.get(I18nService).t('fr', 'channels:spool.apology');
    for (const params of [first, second]) {
      const res = await postTwilio(t, MESSAGES_WEBHOOK, params);
      expect(res.status).toBe(200);
      expect(twimlMessages(res.body).map((m) => toGsm7(m))).toEqual([toGsm7(apology)]);
    }
    expect(t.app.get(InboundSpool).pending()).toBe(true);
    expect(existsSync(join(t.config.dataDir, 'spool'))).toBe(true);

    server = new EmbeddedMongoServer();
    await server.start({ dataDir, port });
    const replayed = await until(async () => !t.app.get(InboundSpool).pending(), 45_000);
    expect(replayed).toBe(true);

    const stored = await collection(t, 'inbound_messages')
      .find({ messageSid: { $in: [first.MessageSid, second.MessageSid] } })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    expect(stored.map((m) => [m.messageSid, m.status])).toEqual([
      [first.MessageSid, 'done'],
      [second.MessageSid, 'done'],
    ]);
    // The answers the person did not get inline leave through the outbox.
    const replies = await collection(t, 'outbound_messages')
      .find({ idempotencyKey: { $regex: `^reply:(${first.MessageSid}|${second.MessageSid}):` } })
      .toArray();
    expect(replies.length).toBeGreaterThan(0);

    // And the service answers inline again.
    const after = await postTwilio(
      t,
      MESSAGES_WEBHOOK,
      inboundParams({ from: '+22376543211', body: 'bonjour' }),
    );
    expect(twimlMessages(after.body).length).toBeGreaterThan(0);
    expect(twimlMessages(after.body)).not.toContain(apology);
  }, 120_000);
});
