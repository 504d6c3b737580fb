import mongoose, { type Connection } from 'mongoose';
import { databaseUri, startTestDatabase, type TestDatabase } from '../harness/database';

describe('database conformance: commands', () => {
  let db: TestDatabase;
  let conn: Connection;

  beforeAll(async () => {
    db = await startTestDatabase();
    conn = await mongoose.createConnection(databaseUri(db.uri, `cmd_${Date.now()}`)).asPromise();
  });

  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
    await db.stop();
  });

  it('answers an unknown command with CommandNotFound (59) and keeps serving', async () => {
    const error = await conn.db!.command({ siraNoSuchCommand: 1 }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 59, codeName: 'CommandNotFound' });
    expect(await conn.db!.admin().command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('answers buildInfo with a version', async () => {
    const info = await conn.db!.admin().command({ buildInfo: 1 });

    expect(typeof info.version).toBe('string');
  });

  it('creates, lists and drops indexes and collections', async () => {
    const sut = conn.collection('things');
    await sut.insertOne({ code: 'a' });

    await sut.createIndex({ code: 1 }, { unique: true });
    const names = (await sut.indexes()).map((i) => i.name);
    const collections = (await conn.db!.listCollections({ name: 'things' }).toArray()).map(
      (c) => c.name,
    );
    await sut.dropIndex('code_1');
    const after = (await sut.indexes()).map((i) => i.name);
    await sut.drop();
    const remaining = await conn.db!.listCollections({ name: 'things' }).toArray();

    expect(names).toEqual(expect.arrayContaining(['_id_', 'code_1']));
    expect(collections).toEqual(['things']);
    expect(after).toEqual(['_id_']);
    expect(remaining).toEqual([]);
  });

  it('refuses to create a unique index over duplicates', async () => {
    const sut = conn.collection('dups');
    await sut.insertMany([{ k: 1 }, { k: 1 }]);

    const error = await sut.createIndex({ k: 1 }, { unique: true }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 11000 });
  });

  it('enforces a partial unique index only on matching documents', async () => {
    const sut = conn.collection('partial');
    await sut.createIndex(
      { phone: 1 },
      { unique: true, partialFilterExpression: { active: true } },
    );

    await sut.insertMany([
      { phone: '1', active: false },
      { phone: '1', active: false },
      { phone: '1', active: true },
    ]);
    const error = await sut.insertOne({ phone: '1', active: true }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 11000 });
    expect(await sut.countDocuments()).toBe(3);
  });

  it('reports the index and key of a duplicate in a compound unique index', async () => {
    const sut = conn.collection('compound');
    await sut.createIndex({ a: 1, b: 1 }, { unique: true });
    await sut.insertOne({ a: 'x', b: 1 });

    const error = await sut.insertOne({ a: 'x', b: 1 }).catch((e: unknown) => e);
    await sut.insertOne({ a: 'x', b: 2 });

    expect((error as Error).message).toMatch(/index: a_1_b_1 dup key: \{ a: "x", b: 1 \}/);
    expect(await sut.countDocuments()).toBe(2);
  });

  it('continues an unordered bulk insert past a duplicate', async () => {
    const sut = conn.collection('bulk');
    await sut.createIndex({ k: 1 }, { unique: true });

    const error = await sut
      .insertMany([{ k: 1 }, { k: 1 }, { k: 2 }], { ordered: false })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 11000 });
    expect(await sut.countDocuments()).toBe(2);
  });

  it('renames a collection with its documents and indexes', async () => {
    const source = conn.collection('before_rename');
    await source.insertOne({ code: 'x' });
    await source.createIndex({ code: 1 }, { unique: true });

    await source.rename('after_rename');
    const target = conn.collection('after_rename');
    const error = await target.insertOne({ code: 'x' }).catch((e: unknown) => e);

    expect(await target.countDocuments()).toBe(1);
    expect(error).toMatchObject({ code: 11000 });
    expect(await conn.db!.listCollections({ name: 'before_rename' }).toArray()).toEqual([]);
  });

  it('treats an identical index as existing and refuses the same key under another name', async () => {
    const sut = conn.collection('index_conflicts');
    await sut.createIndex({ code: 1 }, { name: 'code_1' });

    const again = await sut.createIndex({ code: 1 }, { name: 'code_1' });
    const error = await sut
      .createIndex({ code: 1 }, { name: 'other_name' })
      .catch((e: unknown) => e);

    expect(again).toBe('code_1');
    expect(error).toMatchObject({ code: 85 });
  });
});
