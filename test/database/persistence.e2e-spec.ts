import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { Schema, type Connection } from 'mongoose';
import { EmbeddedMongoServer } from '../../src/database/embedded/server';

// Durability is a property of the embedded server itself, so these tests start it directly on a
// temporary directory whatever database the harness would resolve.
interface Note {
  text: string;
  at: Date;
  slug: string;
}

const noteSchema = new Schema<Note>({
  text: String,
  at: Date,
  slug: { type: String, unique: true },
});

async function open(dataDir: string): Promise<{ sut: EmbeddedMongoServer; conn: Connection }> {
  const sut = new EmbeddedMongoServer();
  const { uri } = await sut.start({ dataDir });
  const conn = await mongoose.createConnection(`${uri}/durability`).asPromise();
  return { sut, conn };
}

describe('embedded database: persistence', () => {
  let dataDir: string;
  let child: ChildProcess | null = null;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sira-db-'));
  });

  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    child = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps documents and unique indexes across a clean restart', async () => {
    const first = await open(dataDir);
    const Note = first.conn.model<Note>('Note', noteSchema);
    await Note.init();
    await Note.create({ text: 'bonjour', at: new Date('2026-05-01'), slug: 'a' });
    await Note.updateOne({ slug: 'a' }, { $set: { text: 'i ni ce' } });
    await Note.create({ text: 'temp', at: new Date(), slug: 'b' });
    await Note.deleteOne({ slug: 'b' });
    await first.conn.close();
    await first.sut.stop();

    const second = await open(dataDir);
    const Again = second.conn.model<Note>('Note', noteSchema);
    const notes = await Again.find().lean();
    const duplicate = await Again.create({ text: 'x', at: new Date(), slug: 'a' }).catch(
      (e: unknown) => e,
    );
    await second.conn.close();
    await second.sut.stop();

    expect(notes).toEqual([
      expect.objectContaining({ text: 'i ni ce', at: new Date('2026-05-01'), slug: 'a' }),
    ]);
    expect(duplicate).toMatchObject({ code: 11000 });
  });

  it('loses no acknowledged write when the writing process is killed with SIGKILL', async () => {
    const writer = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, 'fixtures', 'killable-writer.ts'),
        dataDir,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' },
      },
    );
    child = writer;
    let stderr = '';
    writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lastAck = await new Promise<number>((resolve, reject) => {
      let output = '';
      writer.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const acks = output.match(/ACK (\d+)\n/g) ?? [];
        if (acks.length >= 150) {
          writer.kill('SIGKILL');
          resolve(Number(acks[acks.length - 1].slice(4)));
        }
      });
      writer.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
    });
    await new Promise((resolve) => writer.once('close', resolve));

    const { sut, conn } = await open(dataDir);
    const seqs = (await conn.collection('items').find().sort({ seq: 1 }).toArray()).map(
      (d) => d.seq as number,
    );
    const counter = await conn.collection('counters').findOne({ _id: 'acks' as never });
    await conn.close();
    await sut.stop();

    expect(seqs.slice(0, lastAck + 1)).toEqual(Array.from({ length: lastAck + 1 }, (_, i) => i));
    expect(counter?.last).toBeGreaterThanOrEqual(lastAck);
  });
});
