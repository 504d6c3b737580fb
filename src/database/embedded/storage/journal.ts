import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize, type Document } from 'bson';

// On-disk layout under dataDir:
//   snapshot.bson  concatenated BSON records describing the whole state at the last compaction
//   journal.bson   concatenated BSON records appended since (write-ahead, before each reply)
//   LOCK           pid of the process that owns the directory
// Each append is one write() to the file before the client is acknowledged: the bytes are in the
// kernel's page cache, so they survive the death of the process (kill -9). flush() and compaction
// add fsync for power loss. A torn record at the end of the journal (crash mid-write) is dropped.

const SNAPSHOT = 'snapshot.bson';
const JOURNAL = 'journal.bson';
const LOCK = 'LOCK';
const DESERIALIZE = {
  promoteLongs: true,
  promoteValues: true,
  promoteBuffers: false,
  bsonRegExp: false,
} as const;

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
  private bytes: number;

  private constructor(
    private readonly dir: string,
    fd: number,
    bytes: number,
  ) {
    this.fd = fd;
    this.bytes = bytes;
  }

  // Takes the directory lock, reads snapshot and journal, truncates a torn tail.
  static open(dir: string): { journal: Journal; loaded: LoadedRecords } {
    fs.mkdirSync(dir, { recursive: true });
    Journal.lock(dir);
    const snapshotPath = path.join(dir, SNAPSHOT);
    const snapshot = fs.existsSync(snapshotPath)
      ? readRecords(fs.readFileSync(snapshotPath))
      : null;
    if (snapshot && snapshot.validLength !== fs.statSync(snapshotPath).size) {
      throw new Error(`embedded database: snapshot ${snapshotPath} is corrupt`);
    }
    const journalPath = path.join(dir, JOURNAL);
    const raw = fs.existsSync(journalPath) ? fs.readFileSync(journalPath) : Buffer.alloc(0);
    const { records, validLength } = readRecords(raw);
    const fd = fs.openSync(journalPath, 'a+');
    if (validLength < raw.length) fs.ftruncateSync(fd, validLength);
    return {
      journal: new Journal(dir, fd, validLength),
      loaded: {
        snapshot: snapshot?.records ?? [],
        journal: records,
        tornBytes: raw.length - validLength,
      },
    };
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
    let written = 0;
    while (written < buf.length)
      written += fs.writeSync(this.fd, buf, written, buf.length - written);
    this.bytes += buf.length;
  }

  flush(): void {
    fs.fsyncSync(this.fd);
  }

  // Writes the full state to a new snapshot (temp file, fsync, rename), then empties the journal.
  compact(state: Iterable<Document>): void {
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    const fd = fs.openSync(tmp, 'w');
    try {
      let chunk: Buffer[] = [];
      let chunkBytes = 0;
      const drain = () => {
        const buf = Buffer.concat(chunk);
        let written = 0;
        while (written < buf.length)
          written += fs.writeSync(fd, buf, written, buf.length - written);
        chunk = [];
        chunkBytes = 0;
      };
      for (const record of state) {
        const buf = Buffer.from(serialize(record));
        chunk.push(buf);
        chunkBytes += buf.length;
        if (chunkBytes > 1 << 20) drain();
      }
      drain();
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
    Journal.syncDir(this.dir);
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.bytes = 0;
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
