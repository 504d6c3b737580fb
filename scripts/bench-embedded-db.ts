// Benchmark of the embedded database through mongoose: npm run bench:db [-- --persist]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import mongoose, { Schema } from 'mongoose';
import { EmbeddedMongoServer } from '../src/database/embedded/server';

const COUNT = 20_000;
const LOOKUPS = 2_000;

interface Item {
  code: string;
  n: number;
  at: Date;
}

// Prints the elapsed time, and the rate when `ops` operations were timed.
async function timed<T>(label: string, ops: number | null, run: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rate = ops ? `${Math.round((ops / ms) * 1000)} ops/s` : '';
  console.log(`${label.padEnd(50)} ${ms.toFixed(0).padStart(7)} ms  ${rate.padStart(14)}`);
  return result;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const persist = process.argv.includes('--persist');
  const dataDir = persist ? mkdtempSync(join(tmpdir(), 'sira-bench-')) : null;
  const server = new EmbeddedMongoServer();
  const { uri } = await server.start({ dataDir });
  const conn = await mongoose.createConnection(`${uri}/bench`).asPromise();
  const Item = conn.model<Item>(
    'Item',
    new Schema<Item>({ code: { type: String, unique: true }, n: Number, at: Date }),
  );
  await Item.init();
  console.log(`embedded database, ${persist ? `journal in ${dataDir}` : 'in memory'}`);

  await timed(`${COUNT} inserts, one at a time (unique index)`, COUNT, async () => {
    for (let i = 0; i < COUNT; i++) await Item.create({ code: `c${i}`, n: i, at: new Date() });
  });
  await timed(`${COUNT} inserts, insertMany of 1 000 (unique index)`, COUNT, async () => {
    for (let i = 0; i < COUNT; i += 1000) {
      await Item.insertMany(
        Array.from({ length: 1000 }, (_, j) => ({ code: `m${i + j}`, n: i + j, at: new Date() })),
        { lean: true },
      );
    }
  });
  const duplicates = await timed('1 000 duplicate inserts rejected', 1000, async () => {
    let rejected = 0;
    for (let i = 0; i < 1000; i++)
      await Item.create({ code: `c${i}`, n: 0, at: new Date() }).catch(() => rejected++);
    return rejected;
  });
  await timed(`${LOOKUPS} findOne by unique field`, LOOKUPS, async () => {
    for (let i = 0; i < LOOKUPS; i++) await Item.findOne({ code: `c${(i * 7) % COUNT}` }).lean();
  });
  const ids = (await Item.find({}, { _id: 1 }).limit(LOOKUPS).lean()).map((d) => d._id);
  await timed(`${LOOKUPS} findById`, LOOKUPS, async () => {
    for (const id of ids) await Item.findById(id).lean();
  });
  await timed(`${LOOKUPS} findOneAndUpdate by _id`, LOOKUPS, async () => {
    for (const id of ids)
      await Item.findOneAndUpdate({ _id: id }, { $inc: { n: 1 } }, { returnDocument: 'after' });
  });
  const total = await Item.estimatedDocumentCount();
  console.log(`documents: ${total}, duplicates rejected: ${duplicates}/1000`);

  await conn.close();
  await timed('stop (snapshot of everything)', null, () => server.stop());
  if (dataDir) {
    const again = new EmbeddedMongoServer();
    await timed(`restart (load ${total} documents)`, null, () => again.start({ dataDir }));
    await again.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
