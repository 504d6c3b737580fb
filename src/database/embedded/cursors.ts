import { calculateObjectSize, Long } from 'bson';
import type { Doc } from './documents';
import { commandError } from './errors';

const IDLE_TIMEOUT_MS = 10 * 60 * 1000;
const DEFAULT_FIRST_BATCH = 101;
// A batch stays under 16 MB so the reply fits one BSON document, as mongod's do.
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;

interface OpenCursor {
  ns: string;
  docs: Doc[];
  position: number;
  touchedAt: number;
}

export interface CursorReply {
  cursor: { id: Long; ns: string; firstBatch?: Doc[]; nextBatch?: Doc[] };
  ok: 1;
}

// Server-side cursors over materialised results; the stored documents are never mutated in place.
export class CursorStore {
  private readonly open = new Map<number, OpenCursor>();
  private nextId = Math.floor(Math.random() * 1e9) + 1;

  // First batch: `batchSize` docs (101 by default, like mongod), the rest behind a cursor id.
  first(ns: string, docs: Doc[], batchSize: number | undefined, singleBatch = false): CursorReply {
    this.sweep();
    const size = batchSize ?? (singleBatch ? undefined : DEFAULT_FIRST_BATCH);
    const batch = takeBatch(docs, 0, size);
    if (singleBatch || batch.length >= docs.length) {
      return { cursor: { firstBatch: batch, id: Long.ZERO, ns }, ok: 1 };
    }
    const id = this.nextId++;
    this.open.set(id, { ns, docs, position: batch.length, touchedAt: Date.now() });
    return { cursor: { firstBatch: batch, id: Long.fromNumber(id), ns }, ok: 1 };
  }

  more(id: number, ns: string, batchSize: number | undefined): CursorReply {
    this.sweep();
    const cursor = this.open.get(id);
    if (!cursor || cursor.ns !== ns)
      throw commandError('CursorNotFound', `cursor id ${id} not found`);
    const batch = takeBatch(cursor.docs, cursor.position, batchSize || undefined);
    cursor.position += batch.length;
    cursor.touchedAt = Date.now();
    const exhausted = cursor.position >= cursor.docs.length;
    if (exhausted) this.open.delete(id);
    return {
      cursor: { nextBatch: batch, id: exhausted ? Long.ZERO : Long.fromNumber(id), ns },
      ok: 1,
    };
  }

  kill(ids: number[]): { killed: number[]; notFound: number[] } {
    const killed: number[] = [];
    const notFound: number[] = [];
    for (const id of ids) (this.open.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  clear(): void {
    this.open.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, cursor] of this.open)
      if (now - cursor.touchedAt > IDLE_TIMEOUT_MS) this.open.delete(id);
  }
}

// Up to `size` documents (all when undefined), stopping before the batch would pass the byte budget.
function takeBatch(docs: Doc[], from: number, size: number | undefined): Doc[] {
  const last = size === undefined ? docs.length : Math.min(docs.length, from + size);
  let bytes = 0;
  let end = from;
  while (end < last) {
    const docBytes = calculateObjectSize(docs[end]);
    if (end > from && bytes + docBytes > MAX_BATCH_BYTES) break;
    bytes += docBytes;
    end++;
  }
  return docs.slice(from, end);
}
