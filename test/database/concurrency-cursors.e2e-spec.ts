import mongoose, { Schema, type Connection } from 'mongoose';
import { databaseUri, startTestDatabase, type TestDatabase } from '../harness/database';

interface Ticket {
  status: 'waiting' | 'claimed';
  claimedBy?: string;
  seq: number;
}

const ticketSchema = new Schema<Ticket>({
  status: { type: String, required: true },
  claimedBy: String,
  seq: { type: Number, required: true },
});

describe('database conformance: atomic claims and cursors', () => {
  let db: TestDatabase;
  let conn: Connection;

  beforeAll(async () => {
    db = await startTestDatabase();
    conn = await mongoose
      .createConnection(databaseUri(db.uri, `claims_${Date.now()}`), { maxPoolSize: 20 })
      .asPromise();
  });

  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
    await db.stop();
  });

  const model = () => conn.models.Ticket ?? conn.model<Ticket>('Ticket', ticketSchema);

  it('lets exactly one of 50 concurrent findOneAndUpdate claims win', async () => {
    const sut = model();
    const ticket = await sut.create({ status: 'waiting', seq: 1 });

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sut
          .findOneAndUpdate(
            { _id: ticket._id, status: 'waiting' },
            { $set: { status: 'claimed', claimedBy: `caseworker-${i}` } },
            { returnDocument: 'after' },
          )
          .lean(),
      ),
    );

    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    const stored = await sut.findById(ticket._id).lean();
    expect(stored).toMatchObject({ status: 'claimed', claimedBy: winners[0]!.claimedBy });
  });

  it('hands out each of 20 waiting tickets to exactly one of 50 concurrent claimers', async () => {
    const sut = model();
    await sut.deleteMany({});
    await sut.insertMany(Array.from({ length: 20 }, (_, i) => ({ status: 'waiting', seq: i })));

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sut
          .findOneAndUpdate(
            { status: 'waiting' },
            { $set: { status: 'claimed', claimedBy: `w${i}` } },
            { sort: { seq: 1 }, returnDocument: 'after' },
          )
          .lean(),
      ),
    );

    const claimed = results.filter((r) => r !== null).map((r) => r!.seq);
    expect(claimed).toHaveLength(20);
    expect(new Set(claimed).size).toBe(20);
    expect(await sut.countDocuments({ status: 'waiting' })).toBe(0);
  });

  it('streams 1 000 documents through a cursor in small batches, in order', async () => {
    const sut = model();
    await sut.deleteMany({});
    await sut.insertMany(Array.from({ length: 1000 }, (_, i) => ({ status: 'waiting', seq: i })));

    const seen: number[] = [];
    for await (const doc of sut.find().sort({ seq: 1 }).batchSize(64).lean().cursor())
      seen.push(doc.seq);

    expect(seen).toHaveLength(1000);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('returns all documents of a large result without a batch size', async () => {
    const sut = model();

    const all = await sut.find({ seq: { $gte: 500 } }).lean();

    expect(all).toHaveLength(500);
  });

  it('closes a cursor abandoned half way', async () => {
    const sut = model();
    const cursor = sut.find().batchSize(10).cursor();

    const first = await cursor.next();
    await cursor.close();

    expect(first).not.toBeNull();
    expect(await sut.countDocuments()).toBe(1000);
  });

  it('returns a result larger than one 16 MB message in several batches', async () => {
    const sut = conn.collection('large_docs');
    const payload = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 24; i++) await sut.insertOne({ i, payload });

    const docs = await sut.find().toArray();

    expect(docs.map((d) => d.i)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(docs.every((d) => d.payload === payload)).toBe(true);
  });
});
