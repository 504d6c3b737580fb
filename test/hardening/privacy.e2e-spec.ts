import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection, Types } from 'mongoose';
import { ContactsService } from '../../src/contacts/contacts.service';
import { HandoffService } from '../../src/handoff/handoff.service';
import { PrivacyService } from '../../src/privacy/privacy.service';
import { RetentionJob } from '../../src/privacy/retention.job';
import { SEALED_FIELDS } from '../../src/privacy/sealed-fields';
import { collection } from '../channels/helpers';
import { Phone } from '../dialogs/transcript';
import { createTestApp, TestApp } from '../harness/app';
import { databaseUri, startTestDatabase, TestDatabase } from '../harness/database';

const DAY = 24 * 3600_000;
const hex = () => randomBytes(32).toString('hex');

// A person who went through a referral and asked for a caseworker: data in every collection.
async function converse(t: TestApp, phone: Phone): Promise<string> {
  await phone.send('bjr jsuis a kayes jcherche du travail');
  await phone.send('1');
  await phone.send('1');
  const contact = (await t.app.get(ContactsService).findByPhone(phone.number))!;
  await t.app.get(HandoffService).open({
    contactId: contact.id,
    channel: 'sms',
    language: 'fr',
    reason: 'requested',
    urgent: false,
    needs: ['employment'],
    place: 'Kayes',
    transcript: [{ at: new Date(), from: 'person', text: 'je veux parler a quelqu un' }],
  });
  return contact.id;
}

// Every value sealed under `keyId` still in the database, by collection.path.
async function sealedWith(t: TestApp, keyId: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const { collection: name, path } of SEALED_FIELDS) {
    const [arrayPath, sub] = path.split('[].');
    for (const doc of await collection(t, name).find({}).toArray()) {
      const values = sub
        ? ((doc[arrayPath] as Record<string, unknown>[] | undefined) ?? []).map((x) => x[sub])
        : [doc[arrayPath]];
      const n = values.filter((v) => typeof v === 'string' && v.startsWith(`v1:${keyId}:`)).length;
      if (n) found[`${name}.${path}`] = (found[`${name}.${path}`] ?? 0) + n;
    }
  }
  return found;
}

describe('privacy: erasure, retention, key rotation', () => {
  let db: TestDatabase;
  const dbName = `privacy_${randomBytes(4).toString('hex')}`;
  const base = {
    TEST_DB_NAME: dbName,
    DIRECTORY_DEMO_SEED: 'on',
    JWT_SECRET: hex(),
    ADMIN_PASSWORD: hex(),
  };
  const oldKey = hex();
  let t: TestApp;

  beforeAll(async () => {
    db = await startTestDatabase();
    t = await createTestApp({ ...base, ENCRYPTION_KEY: `old:${oldKey}` }, db);
  });

  afterAll(async () => {
    await t?.close();
    await db?.stop();
  });

  it('nothing a person wrote or their number is stored in clear, in any collection', async () => {
    const phone = new Phone(t);
    await converse(t, phone);
    const connection = t.app.get<Connection>(getConnectionToken());
    const names = (await connection.db!.listCollections().toArray()).map((c) => c.name);
    const local = phone.number.slice(4);
    for (const name of names) {
      const dump = JSON.stringify(await connection.db!.collection(name).find({}).toArray());
      expect({ name, phone: dump.includes(local) }).toEqual({ name, phone: false });
      expect({
        name,
        body: dump.includes('jcherche du travail') || dump.includes('parler a quelqu'),
      }).toEqual({ name, body: false });
    }
  }, 60_000);

  it('contact:erase removes the person everywhere, keeps anonymous statistics, is audited, and the number starts afresh', async () => {
    const phone = new Phone(t);
    const contactId = await converse(t, phone);
    const referralsBefore = await collection(t, 'referrals').find({ contactId }).toArray();
    expect(referralsBefore).toHaveLength(1);
    expect(
      await collection(t, 'inbound_messages').countDocuments({
        contactId: new Types.ObjectId(contactId),
      }),
    ).toBe(3);

    // The real command, as an operator runs it, against the same database.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin'),
        '--transpile-only',
        'src/privacy/cli/contact-erase.ts',
        phone.number,
      ],
      {
        cwd: `${__dirname}/../..`,
        env: {
          ...process.env,
          DOTENV_CONFIG_QUIET: 'true',
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATA_DIR: t.config.dataDir,
          MONGODB_URI: databaseUri(db.uri, dbName),
          ENCRYPTION_KEY: `old:${oldKey}`,
          JWT_SECRET: base.JWT_SECRET,
          ADMIN_PASSWORD: base.ADMIN_PASSWORD,
          USER: 'operator',
        },
      },
    );
    const report = JSON.parse(stdout) as { contactId: string; anonymousId: string };
    expect(report.contactId).toBe(contactId);

    expect(await t.app.get(ContactsService).findByPhone(phone.number)).toBeNull();
    const oid = new Types.ObjectId(contactId);
    expect(await collection(t, 'inbound_messages').countDocuments({ contactId: oid })).toBe(0);
    expect(await collection(t, 'outbound_messages').countDocuments({ contactId: oid })).toBe(0);
    expect(
      await collection(t, 'bot_state').countDocuments({ _id: { $regex: contactId } } as never),
    ).toBe(0);
    expect(await collection(t, 'handoffs').countDocuments({ contactId })).toBe(0);
    expect(await collection(t, 'referrals').countDocuments({ contactId })).toBe(0);
    // Statistics survive under an id that leads nowhere.
    const [referral] = await collection(t, 'referrals')
      .find({ contactId: report.anonymousId })
      .toArray();
    expect(referral).toMatchObject({ need: 'employment', code: referralsBefore[0].code });
    const [ticket] = await collection(t, 'handoffs')
      .find({ contactId: report.anonymousId })
      .toArray();
    expect(ticket).toMatchObject({ reason: 'requested', transcript: [], place: null });
    const audit = await collection(t, 'audit_log').findOne({
      action: 'contact.erase',
      targetId: contactId,
    });
    expect(audit).toMatchObject({ actorId: 'cli:operator' });

    // Writing again is a first contact: consent is asked again.
    const again = await phone.send('bjr jsuis a kayes jcherche du travail');
    expect(again.length).toBeGreaterThan(0);
    const fresh = (await t.app.get(ContactsService).findByPhone(phone.number))!;
    expect(fresh.id).not.toBe(contactId);
  }, 120_000);

  it('the retention job erases people silent for RETENTION_DAYS and keeps the others', async () => {
    const silent = new Phone(t);
    const active = new Phone(t);
    const silentId = await converse(t, silent);
    const activeId = await converse(t, active);
    await collection(t, 'contacts').updateOne(
      { _id: new Types.ObjectId(silentId) },
      { $set: { lastInboundAt: new Date(Date.now() - (t.config.retentionDays + 1) * DAY) } },
    );
    const erased = await t.app.get(RetentionJob).run();
    expect(erased).toContain(silentId);
    expect(erased).not.toContain(activeId);
    expect(await t.app.get(ContactsService).findByPhone(silent.number)).toBeNull();
    expect(await t.app.get(ContactsService).findByPhone(active.number)).not.toBeNull();
    expect(await collection(t, 'referrals').countDocuments({ contactId: silentId })).toBe(0);
    expect(await collection(t, 'referrals').countDocuments({ contactId: activeId })).toBe(1);
    expect(
      await collection(t, 'audit_log').countDocuments({
        action: 'contact.retention_purge',
        targetId: silentId,
      }),
    ).toBe(1);
  }, 60_000);

  it('keys:rotate re-encrypts every sealed value under the new key; the old key can then go', async () => {
    const phone = new Phone(t);
    await converse(t, phone);
    const before = await sealedWith(t, 'old');
    for (const { collection: name, path } of SEALED_FIELDS.filter((f) => f.path !== 'note')) {
      expect({ [`${name}.${path}`]: before[`${name}.${path}`] ?? 0 }).toEqual({
        [`${name}.${path}`]: expect.any(Number),
      });
      expect(before[`${name}.${path}`]).toBeGreaterThan(0);
    }

    const newKey = hex();
    const rotating = await createTestApp(
      { ...base, ENCRYPTION_KEY: `new:${newKey},old:${oldKey}` },
      db,
    );
    const first = await rotating.app.get(PrivacyService).rotateKeys();
    await rotating.close();
    expect(first.skipped).toBe(0);
    expect(await sealedWith(t, 'old')).toEqual({});

    // Only the new key now: the blind index moves with it (service stopped meanwhile, see README).
    await t.close();
    t = await createTestApp({ ...base, ENCRYPTION_KEY: `new:${newKey}` }, db);
    const second = await t.app.get(PrivacyService).rotateKeys();
    expect(Object.values(second.rotated).every((n) => n === 0)).toBe(true);
    expect(second.rehashed).toBeGreaterThan(0);
    // The same person is found and their conversation state reads under the new key.
    const contact = await t.app.get(ContactsService).findByPhone(phone.number);
    expect(contact).not.toBeNull();
    expect(await t.app.get(ContactsService).getPhone(contact!.id)).toBe(phone.number);
    phone.useApp(t);
    expect((await phone.send('MENU')).length).toBeGreaterThan(0);
    expect((await t.app.get(ContactsService).findByPhone(phone.number))!.id).toBe(contact!.id);
  }, 120_000);
});
