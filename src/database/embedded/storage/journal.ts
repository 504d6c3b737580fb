import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize, type Document } from 'bson';
import { DESERIALIZE } from '../documents';

// On-disk layout under dataDir:
//   snapshot.bson        the whole state at the last compaction; its first record names the
//                        journal generation that follows it
//   journal-<gen>.bson   concatenated BSON records appended since (write-ahead, before each reply)
//   LOCK                 pid of the process that owns the directory
// Each append is one write() to the file before the client is acknowledged: the bytes are in the
// kernel's page cache, so they survive the death of the process (kill -9). flush() and compaction
// add fsync against power loss. A torn record at the end of a journal (crash mid-write) is dropped.
// Compaction writes the snapshot aside, renames it into place, then starts a new generation, so a
// crash at any point leaves either the old snapshot + old journal or the new snapshot.

const SNAPSHOT = 'snapshot.bson';
const LOCK = 'LOCK';
const JOURNAL_FILE = /^journal-(\d+)\.bson$/;
const journalFile = (generation: number) => `journal-${generation}.bson`;

export interface LoadedRecords {
  snapshot: Document[];
  journal: Document[];
  // Bytes dropped from the journal's tail (a torn write).
  tornBytes: number;
}

// Reads records until the first incomplete or unreadable one; returns them and the valid length.
function readRecords(buf: Buffer): { records: Document[]; validLength: number } {
  const records: Document[] = [];
  let offset = 0;
  while (offset + 4 <= buf.length) {
    const size = buf.readInt32LE(offset);
    if (size < 5 || offset + size > buf.length || buf[offset + size - 1] !== 0) break;
    try {
      records.push(deserialize(buf.subarray(offset, offset + size), DESERIALIZE));
    } catch {
      break;
    }
    offset += size;
  }
  return { records, validLength: offset };
}

function writeAll(fd: number, buf: Buffer): void {
  let written = 0;
  while (written < buf.length) written += fs.writeSync(fd, buf, written, buf.length - written);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Journal {
  private fd: number;
  private bytes = 0;

  private constructor(
    private readonly dir: string,
    private generation: number,
  ) {
    this.fd = fs.openSync(path.join(dir, journalFile(generation)), 'a');
    this.bytes = fs.fstatSync(this.fd).size;
  }

  // Takes the directory lock, reads the snapshot and the journals after it, truncates a torn tail.
  static open(dir: string): { journal: Journal; loaded: LoadedRecords } {
    fs.mkdirSync(dir, { recursive: true });
    Journal.lock(dir);
    const snapshotPath = path.join(dir, SNAPSHOT);
    let snapshot: Document[] = [];
    let generation = 0;
    if (fs.existsSync(snapshotPath)) {
      const raw = fs.readFileSync(snapshotPath);
      const read = readRecords(raw);
      const [meta, ...records] = read.records;
      if (read.validLength !== raw.length || meta?.op !== 'meta') {
        throw new Error(`embedded database: snapshot ${snapshotPath} is corrupt`);
      }
      snapshot = records;
      generation = Number(meta.generation);
    }
    const generations = fs
      .readdirSync(dir)
      .map((name) => JOURNAL_FILE.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    const journal: Document[] = [];
    let tornBytes = 0;
    for (const gen of generations) {
      const file = path.join(dir, journalFile(gen));
      // Older than the snapshot: already folded into it (a crash right after a compaction).
      if (gen < generation) {
        fs.unlinkSync(file);
        continue;
      }
      const raw = fs.readFileSync(file);
      const { records, validLength } = readRecords(raw);
      journal.push(...records);
      if (validLength < raw.length) {
        tornBytes += raw.length - validLength;
        fs.truncateSync(file, validLength);
      }
    }
    const active = Math.max(generation, ...generations);
    return { journal: new Journal(dir, active), loaded: { snapshot, journal, tornBytes } };
  }

  private static lock(dir: string): void {
    const lockPath = path.join(dir, LOCK);
    const owner = fs.existsSync(lockPath) ? Number(fs.readFileSync(lockPath, 'utf8').trim()) : NaN;
    if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) {
      throw new Error(`embedded database: ${dir} is in use by process ${owner}`);
    }
    fs.writeFileSync(lockPath, String(process.pid));
  }

  get size(): number {
    return this.bytes;
  }

  // One write() per acknowledged command, synchronously, before the reply goes out.
  append(records: Document[]): void {
    if (!records.length) return;
    const buf = Buffer.concat(records.map((r) => serialize(r)));
    writeAll(this.fd, buf);
    this.bytes += buf.length;
  }

  flush(): void {
    fs.fsyncSync(this.fd);
  }

  // Writes the full state to a new snapshot (temp file, fsync, rename), then starts a new journal.
  compact(state: Iterable<Document>): void {
    const next = this.generation + 1;
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    const fd = fs.openSync(tmp, 'w');
    try {
      let chunk: Buffer[] = [Buffer.from(serialize({ op: 'meta', generation: next }))];
      let chunkBytes = 0;
      for (const record of state) {
        const buf = Buffer.from(serialize(record));
        chunk.push(buf);
        chunkBytes += buf.length;
        if (chunkBytes > 1 << 20) {
          writeAll(fd, Buffer.concat(chunk));
          chunk = [];
          chunkBytes = 0;
        }
      }
      writeAll(fd, Buffer.concat(chunk));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
    Journal.syncDir(this.dir);
    const previous = this.generation;
    fs.closeSync(this.fd);
    this.generation = next;
    this.fd = fs.openSync(path.join(this.dir, journalFile(next)), 'a');
    this.bytes = 0;
    fs.unlinkSync(path.join(this.dir, journalFile(previous)));
  }

  close(): void {
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    const lockPath = path.join(this.dir, LOCK);
    if (
      fs.existsSync(lockPath) &&
      fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)
    ) {
      fs.unlinkSync(lockPath);
    }
  }

  private static syncDir(dir: string): void {
    try {
      const fd = fs.openSync(dir, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    } catch {
      // Directory fsync is not supported everywhere; the rename is still atomic.
    }
  }
}
