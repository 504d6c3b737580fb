import mongoose, { Schema, Types, type Connection } from 'mongoose';
import { databaseUri, startTestDatabase, type TestDatabase } from '../harness/database';

interface Provider {
  name: string;
  region: string;
}

interface Referral {
  provider: Types.ObjectId;
  need: string;
  createdAt: Date;
  tags: string[];
  meta: { source: string };
}

describe('database conformance: aggregation', () => {
  let db: TestDatabase;
  let conn: Connection;
  let providers: { bamako: Types.ObjectId; kayes: Types.ObjectId };

  beforeAll(async () => {
    db = await startTestDatabase();
    conn = await mongoose.createConnection(databaseUri(db.uri, `agg_${Date.now()}`)).asPromise();
    const Provider = conn.model<Provider>(
      'Provider',
      new Schema<Provider>({ name: String, region: String }),
    );
    const Referral = conn.model<Referral>(
      'Referral',
      new Schema<Referral>({
        provider: { type: Schema.Types.ObjectId, ref: 'Provider' },
        need: String,
        createdAt: Date,
        tags: [String],
        meta: { source: String },
      }),
    );
    const [bamako, kayes] = await Provider.insertMany([
      { name: 'Centre Bamako', region: 'Bamako' },
      { name: 'Centre Kayes', region: 'Kayes' },
    ]);
    providers = { bamako: bamako._id, kayes: kayes._id };
    await Referral.insertMany([
      {
        provider: bamako._id,
        need: 'health',
        createdAt: new Date('2026-01-05'),
        tags: ['urgent', 'women'],
        meta: { source: 'sms' },
      },
      { provider: bamako._id, need: 'work', createdAt: new Date('2026-02-01'), tags: ['youth'] },
      { provider: kayes._id, need: 'health', createdAt: new Date('2026-02-10'), tags: [] },
      { provider: kayes._id, need: 'health', createdAt: new Date('2026-03-01'), tags: ['urgent'] },
    ]);
  });

  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
    await db.stop();
  });

  it('matches, groups and sorts', async () => {
    const sut = conn.model<Referral>('Referral');

    const rows = await sut.aggregate<{ _id: string; n: number; first: Date }>([
      { $match: { createdAt: { $gte: new Date('2026-01-01') } } },
      { $group: { _id: '$need', n: { $sum: 1 }, first: { $min: '$createdAt' } } },
      { $sort: { n: -1, _id: 1 } },
    ]);

    expect(rows).toEqual([
      { _id: 'health', n: 3, first: new Date('2026-01-05') },
      { _id: 'work', n: 1, first: new Date('2026-02-01') },
    ]);
  });

  it('joins with $lookup and flattens with $unwind', async () => {
    const sut = conn.model<Referral>('Referral');

    const rows = await sut.aggregate<{ _id: string; n: number }>([
      { $match: { need: 'health' } },
      {
        $lookup: { from: 'providers', localField: 'provider', foreignField: '_id', as: 'provider' },
      },
      { $unwind: '$provider' },
      { $group: { _id: '$provider.region', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);

    expect(rows).toEqual([
      { _id: 'Bamako', n: 1 },
      { _id: 'Kayes', n: 2 },
    ]);
  });

  it('unwinds arrays and filters on an ObjectId', async () => {
    const sut = conn.model<Referral>('Referral');

    const rows = await sut.aggregate<{ _id: string; n: number }>([
      { $match: { provider: new Types.ObjectId(providers.bamako.toHexString()) } },
      { $unwind: '$tags' },
      { $group: { _id: '$tags', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);

    expect(rows).toEqual([
      { _id: 'urgent', n: 1 },
      { _id: 'women', n: 1 },
      { _id: 'youth', n: 1 },
    ]);
  });

  it('counts with countDocuments (an aggregation under the hood) and leaves the data untouched', async () => {
    const sut = conn.model<Referral>('Referral');

    await sut.aggregate([{ $set: { need: 'changed', 'meta.source': 'changed' } }]);
    await sut.aggregate([{ $match: { need: 'health' } }, { $unset: 'meta.source' }]);

    expect(await sut.countDocuments({ 'meta.source': 'sms' })).toBe(1);
    expect(await sut.countDocuments({ need: 'health' })).toBe(3);
    expect(await sut.countDocuments({ provider: providers.kayes })).toBe(2);
  });
});
