import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Logger } from '@nestjs/common';
import mongoose from 'mongoose';
import { EmbeddedServerThread } from './thread';

// The embedded server on a worker thread (compiled with ts-node here, as under `ts-node src/main.ts`).
describe('EmbeddedServerThread', () => {
  let dataDir: string;
  const crashes: Error[] = [];
  let sut: EmbeddedServerThread;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sira-thread-'));
    crashes.length = 0;
    sut = new EmbeddedServerThread((error) => crashes.push(error));
  });

  afterEach(async () => {
    await sut.stop();
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function writeNotes(uri: string, texts: string[]): Promise<void> {
    const conn = await mongoose.createConnection(`${uri}/thread`).asPromise();
    await conn.collection('notes').insertMany(texts.map((text) => ({ text })));
    await conn.close();
  }

  async function readNotes(uri: string): Promise<string[]> {
    const conn = await mongoose.createConnection(`${uri}/thread`).asPromise();
    const notes = await conn.collection('notes').find().sort({ text: 1 }).toArray();
    await conn.close();
    return notes.map((n) => String(n.text));
  }

  it('serves the data directory, releases the LOCK on stop and finds the data again', async () => {
    const first = await sut.start({ dataDir });
    await writeNotes(first.uri, ['a', 'b']);
    const lockedWhileRunning = existsSync(join(dataDir, 'LOCK'));
    await sut.stop();
    const lockedAfterStop = existsSync(join(dataDir, 'LOCK'));

    const second = await sut.start({ dataDir });

    expect(lockedWhileRunning).toBe(true);
    expect(lockedAfterStop).toBe(false);
    expect(await readNotes(second.uri)).toEqual(['a', 'b']);
    expect(crashes).toEqual([]);
  });

  it('reports a directory locked by another live process', async () => {
    writeFileSync(join(dataDir, 'LOCK'), String(process.ppid));

    await expect(sut.start({ dataDir })).rejects.toThrow(/in use by process/);
  });

  it('reports a data directory that cannot be created', async () => {
    const file = join(dataDir, 'a-file');
    writeFileSync(file, '');

    await expect(sut.start({ dataDir: join(file, 'db') })).rejects.toThrow(/ENOTDIR|EEXIST/);
  });

  it("logs the worker's warnings through the main thread's Logger", async () => {
    const { uri } = await sut.start({ dataDir });
    await writeNotes(uri, ['kept']);
    await sut.stop();
    const journal = readdirSync(dataDir).find((f) => f.startsWith('journal-'));
    appendFileSync(join(dataDir, journal!), Buffer.from([0x40, 0, 0, 0, 3]));
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    const again = await sut.start({ dataDir });

    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/torn journal tail of 5 bytes/));
    expect(await readNotes(again.uri)).toEqual(['kept']);
  });

  it('calls onCrash when the worker dies after starting (here: out of its heap cap)', async () => {
    const { uri } = await sut.start({ dataDir: null, maxHeapMb: 48 });
    const conn = await mongoose.createConnection(`${uri}/thread`).asPromise();
    const text = 'x'.repeat(1 << 20);
    const filling = (async () => {
      for (let i = 0; i < 500 && !crashes.length; i++)
        await conn.collection('big').insertOne({ i, text });
    })().catch(() => undefined);

    await filling;
    await conn.close(true).catch(() => undefined);
    while (!crashes.length) await new Promise((resolve) => setTimeout(resolve, 50));

    expect(crashes).toHaveLength(1);
    expect(crashes[0].message).toMatch(/memory limit|out of memory/i);
  });

  it("is not held to the app thread's --max-old-space-size (a database may outgrow the app's cap)", async () => {
    // As `node --max-old-space-size=48`: the flag caps every isolate created after it.
    setFlagsFromString('--max-old-space-size=48');
    const { uri } = await sut.start({ dataDir: null });
    const conn = await mongoose.createConnection(`${uri}/thread`).asPromise();
    const text = 'x'.repeat(1 << 20);
    for (let i = 0; i < 96 && !crashes.length; i++)
      await conn.collection('big').insertOne({ i, text });
    const stored = await conn.collection('big').countDocuments();
    await conn.close();
    setFlagsFromString('--max-old-space-size=0');

    expect(crashes).toEqual([]);
    expect(stored).toBe(96);
  });
});
