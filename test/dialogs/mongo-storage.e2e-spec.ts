import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { BotException, BotExceptionCode } from '../../src/bot/bot.exception';
import { MongoStorage } from '../../src/bot/mongo-storage';
import { BotStateRecord, BotStateSchema } from '../../src/bot/schemas/bot-state.schema';
import { FieldCipher } from '../../src/common/crypto/field-cipher';
import { AppConfig } from '../../src/config/app-config';
import { databaseUri, startTestDatabase, TestDatabase } from '../harness/database';

describe('MongoStorage (botbuilder Storage on mongoose)', () => {
  let db: TestDatabase;
  let connection: Connection;
  let dataDir: string;
  let sut: MongoStorage;

  beforeAll(async () => {
    db = await startTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'sira-storage-'));
    const config = AppConfig.load({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    connection = await mongoose
      .createConnection(databaseUri(db.uri, `sira_storage_${randomBytes(4).toString('hex')}`))
      .asPromise();
    const model = connection.model(BotStateRecord.name, BotStateSchema);
    sut = new MongoStorage(model, new FieldCipher(config), config);
    await sut.onModuleInit();
  });

  afterAll(async () => {
    await connection.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const conflict = expect.objectContaining({ code: BotExceptionCode.ETAG_CONFLICT });

  it('creates, reads back with an eTag, and keeps the state sealed at rest', async () => {
    await sut.write({ 'sms/conversations/a': { flow: { place: 'Kayes' } } });
    const items = await sut.read(['sms/conversations/a', 'missing']);
    expect(items['sms/conversations/a']).toEqual({
      flow: { place: 'Kayes' },
      eTag: expect.any(String),
    });
    expect(items.missing).toBeUndefined();
    const raw = await connection
      .collection('bot_state')
      .findOne({ _id: 'sms/conversations/a' as never });
    expect(raw?.data).not.toContain('Kayes');
  });

  it('answers reads asked in the same tick with one find, each caller with its own copy', async () => {
    await sut.write({
      'users/b': { profile: { lang: 'fr' } },
      'sms/conversations/b': { flow: { n: 1 } },
    });
    const find = jest.spyOn(connection.model(BotStateRecord.name), 'find');
    try {
      const [user, conversation, again] = await Promise.all([
        sut.read(['users/b']),
        sut.read(['sms/conversations/b', 'missing']),
        sut.read(['users/b']),
      ]);
      expect(find).toHaveBeenCalledTimes(1);
      expect(Object.keys(user)).toEqual(['users/b']);
      expect(conversation['sms/conversations/b']).toEqual({
        flow: { n: 1 },
        eTag: expect.any(String),
      });
      expect(again['users/b']).toEqual(user['users/b']);
      expect(again['users/b']).not.toBe(user['users/b']);
    } finally {
      find.mockRestore();
    }
  });

  it('rejects a write carrying a stale eTag and keeps the winner', async () => {
    await sut.write({ race: { n: 0 } });
    const first = (await sut.read(['race'])).race;
    const second = (await sut.read(['race'])).race;
    await sut.write({ race: { ...first, n: 1 } });
    await expect(sut.write({ race: { ...second, n: 2 } })).rejects.toEqual(conflict);
    expect((await sut.read(['race'])).race.n).toBe(1);
  });

  it('lets exactly one of two concurrent writes with the same eTag win', async () => {
    await sut.write({ concurrent: { n: 0 } });
    const read = (await sut.read(['concurrent'])).concurrent;
    const results = await Promise.allSettled([
      sut.write({ concurrent: { ...read, n: 1 } }),
      sut.write({ concurrent: { ...read, n: 2 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(BotException);
  });

  it('treats a second first-write (no eTag) as a conflict, not an overwrite', async () => {
    await sut.write({ fresh: { n: 1 } });
    await expect(sut.write({ fresh: { n: 2 } })).rejects.toEqual(conflict);
    expect((await sut.read(['fresh'])).fresh.n).toBe(1);
  });

  it('writes unconditionally with eTag "*"', async () => {
    await sut.write({ star: { n: 1 } });
    await sut.write({ star: { n: 2, eTag: '*' } });
    await sut.write({ starNew: { n: 3, eTag: '*' } });
    const items = await sut.read(['star', 'starNew']);
    expect([items.star.n, items.starNew.n]).toEqual([2, 3]);
  });

  it('gives the written item its new eTag so a second save in the same turn succeeds', async () => {
    const item: Record<string, unknown> = { n: 1 };
    await sut.write({ twice: item });
    item.n = 2;
    await sut.write({ twice: item });
    expect((await sut.read(['twice'])).twice.n).toBe(2);
  });

  it('expires state after the retention period', async () => {
    const indexes = await connection.collection('bot_state').indexes();
    expect(indexes.find((index) => index.name === 'retention')).toMatchObject({
      key: { updatedAt: 1 },
      expireAfterSeconds: 365 * 24 * 60 * 60,
    });
  });

  it('deletes', async () => {
    await sut.write({ gone: { n: 1 } });
    await sut.delete(['gone', 'never-there']);
    expect(await sut.read(['gone'])).toEqual({});
  });
});
