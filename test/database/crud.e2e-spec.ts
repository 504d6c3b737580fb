import mongoose, { Schema, Types, type Connection } from 'mongoose';
import { databaseUri, startTestDatabase, type TestDatabase } from '../harness/database';

interface Person {
  name: string;
  email: string;
  age?: number;
  tags: string[];
  born?: Date;
  friend?: Types.ObjectId;
}

const personSchema = new Schema<Person>({
  name: { type: String, required: true },
  email: { type: String, required: true, unique: true },
  age: Number,
  tags: [String],
  born: Date,
  friend: { type: Schema.Types.ObjectId, ref: 'Person' },
});

describe('database conformance: CRUD through mongoose', () => {
  let db: TestDatabase;
  let conn: Connection;

  beforeAll(async () => {
    db = await startTestDatabase();
    conn = await mongoose.createConnection(databaseUri(db.uri, `crud_${Date.now()}`)).asPromise();
  });

  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
    await db.stop();
  });

  const model = () => conn.models.Person ?? conn.model<Person>('Person', personSchema);

  beforeEach(async () => {
    await model().init();
    await model().deleteMany({});
  });

  it('creates, reads, updates and deletes a document', async () => {
    const sut = model();
    const created = await sut.create({
      name: 'Awa',
      email: 'awa@example.org',
      age: 30,
      tags: ['a'],
    });

    const found = await sut.findById(created._id).lean();
    expect(found).toMatchObject({ name: 'Awa', email: 'awa@example.org', age: 30, tags: ['a'] });

    const updated = await sut.updateOne(
      { _id: created._id },
      { $set: { age: 31 }, $push: { tags: 'b' } },
    );
    expect(updated).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await sut.findById(created._id).lean()).toMatchObject({ age: 31, tags: ['a', 'b'] });

    const deleted = await sut.deleteOne({ _id: created._id });
    expect(deleted.deletedCount).toBe(1);
    expect(await sut.findById(created._id)).toBeNull();
  });

  it('reports an unchanged update as matched but not modified', async () => {
    const sut = model();
    await sut.create({ name: 'Moussa', email: 'm@example.org', age: 40 });

    const result = await sut.updateOne({ email: 'm@example.org' }, { $set: { age: 40 } });

    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('updates many documents, sorts, skips, limits and projects', async () => {
    const sut = model();
    await sut.insertMany(
      Array.from({ length: 10 }, (_, i) => ({ name: `p${i}`, email: `p${i}@example.org`, age: i })),
    );

    const result = await sut.updateMany({ age: { $gte: 5 } }, { $inc: { age: 100 } });
    const page = await sut
      .find({}, { name: 1, age: 1, _id: 0 })
      .sort({ age: -1 })
      .skip(1)
      .limit(3)
      .lean();

    expect(result.modifiedCount).toBe(5);
    expect(page).toEqual([
      { name: 'p8', age: 108 },
      { name: 'p7', age: 107 },
      { name: 'p6', age: 106 },
    ]);
  });

  it('upserts with $setOnInsert only when inserting', async () => {
    const sut = model();
    const filter = { email: 'new@example.org' };
    const update = { $set: { name: 'Fatou' }, $setOnInsert: { age: 20 } };

    const first = await sut
      .findOneAndUpdate(filter, update, { upsert: true, returnDocument: 'after' })
      .lean();
    await sut.updateOne(filter, { $set: { age: 21 } });
    const second = await sut
      .findOneAndUpdate(
        filter,
        { ...update, $set: { name: 'Fatoumata' } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean();

    expect(first).toMatchObject({ email: 'new@example.org', name: 'Fatou', age: 20 });
    expect(second).toMatchObject({ name: 'Fatoumata', age: 21 });
    expect(await sut.countDocuments(filter)).toBe(1);
  });

  it('rejects a duplicate on a unique index with code 11000 and keeps the original', async () => {
    const sut = model();
    await sut.create({ name: 'A', email: 'dup@example.org' });

    const error = await sut
      .create({ name: 'B', email: 'dup@example.org' })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 11000, keyValue: { email: 'dup@example.org' } });
    expect((error as Error).message).toContain('E11000 duplicate key error collection:');
    expect((error as Error).message).toContain(
      'index: email_1 dup key: { email: "dup@example.org" }',
    );
    expect(await sut.find({ email: 'dup@example.org' }).lean()).toEqual([
      expect.objectContaining({ name: 'A' }),
    ]);
  });

  it('rolls back an update that would violate a unique index', async () => {
    const sut = model();
    await sut.create({ name: 'A', email: 'a@example.org', age: 1 });
    const b = await sut.create({ name: 'B', email: 'b@example.org', age: 2 });

    const error = await sut
      .updateOne({ _id: b._id }, { $set: { email: 'a@example.org', age: 99 } })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 11000 });
    expect(await sut.findById(b._id).lean()).toMatchObject({ email: 'b@example.org', age: 2 });
    expect(await sut.findOne({ email: 'a@example.org' }).lean()).toMatchObject({ name: 'A' });
  });

  it('filters on dates and ObjectIds', async () => {
    const sut = model();
    const old = await sut.create({
      name: 'Old',
      email: 'old@example.org',
      born: new Date('1980-01-01'),
    });
    await sut.create({
      name: 'Young',
      email: 'young@example.org',
      born: new Date('2001-06-15'),
      friend: old._id,
    });

    const young = await sut.find({ born: { $gt: new Date('2000-01-01') } }).lean();
    const byFriend = await sut.find({ friend: new Types.ObjectId(old._id.toHexString()) }).lean();
    const byIds = await sut.find({ _id: { $in: [old._id] } }).lean();

    expect(young.map((p) => p.name)).toEqual(['Young']);
    expect(young[0].born).toEqual(new Date('2001-06-15'));
    expect(byFriend.map((p) => p.name)).toEqual(['Young']);
    expect(byFriend[0].friend).toBeInstanceOf(Types.ObjectId);
    expect(byIds.map((p) => p.name)).toEqual(['Old']);
  });

  it('counts and lists distinct values', async () => {
    const sut = model();
    await sut.insertMany([
      { name: 'A', email: '1@x.org', tags: ['x', 'y'] },
      { name: 'B', email: '2@x.org', tags: ['y', 'z'] },
      { name: 'C', email: '3@x.org', tags: [] },
    ]);

    expect(await sut.countDocuments({ tags: 'y' })).toBe(2);
    expect(await sut.estimatedDocumentCount()).toBe(3);
    expect((await sut.distinct('tags')).sort()).toEqual(['x', 'y', 'z']);
  });

  it('round-trips dates, ObjectIds, Decimal128, 64-bit integers, binary data and nested arrays', async () => {
    const Typed = conn.model(
      'Typed',
      new Schema({
        at: Date,
        ref: Schema.Types.ObjectId,
        amount: Schema.Types.Decimal128,
        big: BigInt,
        blob: Buffer,
        lines: [{ label: String, qty: Number }],
      }),
    );
    const ref = new Types.ObjectId();
    const created = await Typed.create({
      at: new Date('2026-11-23T10:00:00.123Z'),
      ref,
      amount: Types.Decimal128.fromString('1234.5678'),
      big: 9007199254740993n,
      blob: Buffer.from([0, 1, 2, 255]),
      lines: [{ label: 'riz', qty: 2 }],
    });

    const sut = await Typed.findById(created._id);

    expect(sut!.get('at')).toEqual(new Date('2026-11-23T10:00:00.123Z'));
    expect((sut!.get('ref') as Types.ObjectId).equals(ref)).toBe(true);
    expect(String(sut!.get('amount'))).toBe('1234.5678');
    expect(sut!.get('big')).toBe(9007199254740993n);
    expect(Buffer.from(sut!.get('blob') as Buffer).equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
    expect(sut!.get('lines')[0]).toMatchObject({ label: 'riz', qty: 2 });
  });

  it('updates array elements by position and by array filter', async () => {
    const Order = conn.model(
      'Order',
      new Schema({ lines: [{ label: String, qty: Number, _id: false }] }),
    );
    const order = await Order.create({
      lines: [
        { label: 'riz', qty: 1 },
        { label: 'mil', qty: 1 },
      ],
    });

    await Order.updateOne({ _id: order._id, 'lines.label': 'mil' }, { $set: { 'lines.$.qty': 5 } });
    await Order.updateOne(
      { _id: order._id },
      { $inc: { 'lines.$[l].qty': 10 } },
      { arrayFilters: [{ 'l.label': 'riz' }] },
    );

    expect((await Order.findById(order._id).lean())!.lines).toEqual([
      { label: 'riz', qty: 11 },
      { label: 'mil', qty: 5 },
    ]);
  });
});
