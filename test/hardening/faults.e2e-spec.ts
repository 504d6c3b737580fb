import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ContactsService } from '../../src/contacts/contacts.service';
import { DEFAULT_DB_NAME } from '../../src/database/connection';
import { EmbeddedMongoServer } from '../../src/database/embedded/server';
import { OUTBOX_OPTIONS, OutboxOptions } from '../../src/outbox/outbox.options';
import { OutboxSender } from '../../src/outbox/outbox.sender';
import { OutboxService } from '../../src/outbox/outbox.service';
import { createTestApp, TestApp } from '../harness/app';
import {
  inboundParams,
  MESSAGES_WEBHOOK,
  postTwilio,
  startTwilioStandIn,
  TwilioStandIn,
} from '../harness/twilio';

const MINUTE = 60_000;
const ROOT = resolve(__dirname, '../..');

describe('faults', () => {
  describe('Twilio down', () => {
    let standIn: TwilioStandIn;
    let t: TestApp;
    let clock = Date.now();

    beforeAll(async () => {
      standIn = await startTwilioStandIn();
      t = await createTestApp({ ...standIn.env(), PUBLIC_BASE_URL: 'https://sira.example.org' });
      await t.app.get(OutboxSender).stop();
      jest
        .spyOn(t.app.get<OutboxOptions>(OUTBOX_OPTIONS), 'now')
        .mockImplementation(() => new Date(clock));
    });

    afterAll(async () => {
      jest.restoreAllMocks();
      await t?.close();
      await standIn?.close();
    });

    it('for an hour: queued messages wait and each leaves once, when Twilio is back', async () => {
      const people = ['+22376540001', '+22376540002', '+22376540003'];
      const queued: { to: string; contactId: string; id: string }[] = [];
      for (const to of people) {
        const contact = await t.app.get(ContactsService).upsertByPhone(to, 'sms');
        const { id } = await t.app.get(OutboxService).enqueue({
          contactId: contact.id,
          channel: 'sms',
          text: 'votre rendez-vous',
          kind: 'system',
        });
        queued.push({ to, contactId: contact.id, id });
      }
      const statusOf = async ({ contactId, id }: { contactId: string; id: string }) =>
        (await t.app.get(OutboxService).listForContact(contactId)).find((m) => m.id === id)?.status;
      // Every request fails, for an hour, the sender passing every minute.
      standIn.respondWith(() => ({
        status: 503,
        body: { code: 20503, message: 'down', status: 503 },
      }));
      for (let minute = 0; minute < 60; minute++) {
        await t.app.get(OutboxSender).tick();
        clock += MINUTE;
      }
      expect(await Promise.all(queued.map(statusOf))).toEqual(['queued', 'queued', 'queued']);
      expect(standIn.requests.length).toBeGreaterThan(
        3 * t.app.get<OutboxOptions>(OUTBOX_OPTIONS).maxAttempts,
      );

      standIn.respondWith(null);
      const before = standIn.requests.length;
      for (let minute = 0; minute < 15; minute++) {
        await t.app.get(OutboxSender).tick();
        clock += MINUTE;
      }
      expect(await Promise.all(queued.map(statusOf))).toEqual(['sent', 'sent', 'sent']);
      expect(
        standIn.requests
          .slice(before)
          .map((r) => r.params.To)
          .sort(),
      ).toEqual(people);
    });
  });

  describe('kill -9', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sira-kill9-'));
    const env = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: 'https://sira.example.org',
      TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      DIRECTORY_DEMO_SEED: 'on',
    };
    let child: ChildProcess | undefined;

    afterAll(() => {
      child?.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    // Killed by a signal, a child has no exit code but a signal code.
    const exited = (c: ChildProcess) =>
      new Promise((done) =>
        c.exitCode !== null || c.signalCode !== null ? done(null) : c.once('exit', done),
      );

    const freePort = () =>
      new Promise<number>((done) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => done(port));
        });
      });

    // The service from source on the embedded database in dataDir (ts-node, as `npm run start:dev` would).
    async function start(): Promise<Pick<TestApp, 'baseUrl' | 'config'>> {
      const port = await freePort();
      const processEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port) };
      delete processEnv.MONGODB_URI;
      child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
        cwd: ROOT,
        env: processEnv,
        stdio: 'ignore',
      });
      const baseUrl = `http://127.0.0.1:${port}`;
      for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
        if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
        // The health check also waits for the database (the embedded one replays its journal first).
        if (
          await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) }).then(
            (r) => r.ok,
            () => false,
          )
        ) {
          const config = {
            twilioAuthToken: env.TWILIO_AUTH_TOKEN,
            publicBaseUrl: env.PUBLIC_BASE_URL,
          };
          return { baseUrl, config: config as TestApp['config'] };
        }
      }
      throw new Error('service did not start');
    }

    it('restarts cleanly and has lost nothing it acknowledged', async () => {
      let service = await start();
      const acknowledged: string[] = [];
      let killed = false;
      const send = (i: number) => {
        const params = inboundParams({
          from: `+2237654${String(1000 + (i % 12)).padStart(4, '0')}`,
          body: i % 3 ? '1' : 'je cherche du travail a kayes',
        });
        return postTwilio(service, MESSAGES_WEBHOOK, params).then(
          (res) => res.status === 200 && !killed && acknowledged.push(params.MessageSid),
          () => undefined,
        );
      };
      // Waves of six people writing at once; kill -9 lands in the middle of the last wave's turns.
      for (let wave = 0; wave < 5; wave++)
        await Promise.all(Array.from({ length: 6 }, (_, k) => send(wave * 6 + k)));
      const last = Array.from({ length: 12 }, (_, k) => send(30 + k));
      await sleep(40);
      killed = true;
      child!.kill('SIGKILL');
      await Promise.all(last);
      await exited(child!);
      expect(acknowledged.length).toBeGreaterThanOrEqual(30);

      // It comes back on the same data and still answers.
      service = await start();
      const res = await postTwilio(
        service,
        MESSAGES_WEBHOOK,
        inboundParams({ from: '+22376549999', body: 'bonjour' }),
      );
      expect(res.status).toBe(200);
      child!.kill('SIGTERM');
      await exited(child!);

      const server = new EmbeddedMongoServer();
      const { uri } = await server.start({ dataDir: join(dataDir, 'db') });
      try {
        const { MongoClient } = await import('mongodb');
        const client = await MongoClient.connect(uri);
        const stored = await client
          .db(DEFAULT_DB_NAME)
          .collection('inbound_messages')
          .find({ messageSid: { $in: acknowledged } })
          .toArray();
        await client.close();
        expect(stored.map((d) => d.messageSid as string).sort()).toEqual([...acknowledged].sort());
        expect(stored.every((d) => d.status === 'done')).toBe(true);
      } finally {
        await server.stop();
      }
    }, 150_000);
  });
});
