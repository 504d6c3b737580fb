import type { Query } from 'mingo';
import type { CollationSpec } from 'mingo/types/types';
import type { Collection } from '../collection';
import type { CursorStore } from '../cursors';
import type { Doc } from '../documents';
import { isPlainObject } from '../documents';
import type { Engine } from '../engine';
import { CommandError, commandError } from '../errors';
import { cachedQuery, matchesPlain, plainEquality } from '../queries';

export interface CommandContext {
  engine: Engine;
  cursors: CursorStore;
  connectionId: number;
  db: string;
}

// Handlers run synchronously: a command's read-modify-write cannot interleave with another's.
export type CommandHandler = (cmd: Doc, ctx: CommandContext) => Doc;

export function collectionName(cmd: Doc, command: string): string {
  const name = cmd[command];
  if (typeof name !== 'string' || !name) {
    throw commandError('InvalidNamespace', `collection name has invalid type ${typeof name}`);
  }
  return name;
}

export const optionalDoc = (value: unknown): Doc | undefined =>
  isPlainObject(value) ? value : undefined;

export const optionalNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export function compileFilter(filter: Doc | undefined): Query {
  try {
    return cachedQuery(filter ?? {});
  } catch (err) {
    throw commandError('BadValue', (err as Error).message);
  }
}

export interface Selection {
  filter?: Doc;
  sort?: Doc;
  skip?: number;
  limit?: number;
  projection?: Doc;
  collation?: Doc;
}

// Matching documents (insertion order, or index order when an index narrowed them) unless sorted;
// references to the stored documents unless projected.
export function select(coll: Collection | undefined, sel: Selection): Doc[] {
  if (!coll) return [];
  const filter = sel.filter ?? {};
  const projection =
    sel.projection && Object.keys(sel.projection).length ? sel.projection : undefined;
  try {
    // An index narrows the candidates; the full filter still decides.
    const candidates = coll.candidates(filter) ?? coll.all();
    const hasSort = !!sel.sort && Object.keys(sel.sort).length > 0;
    const direct = !projection && !hasSort && !sel.collation;
    const wanted = direct && sel.limit ? (sel.skip ?? 0) + Math.abs(sel.limit) : Infinity;
    const plain = plainEquality(filter);
    let matched: Doc[] | null = null;
    if (plain) {
      // Plain equality is decided here without mingo; a stored type it cannot judge hands over.
      matched = [];
      for (const doc of candidates) {
        const verdict = matchesPlain(doc, plain);
        if (verdict === null) {
          matched = null;
          break;
        }
        if (verdict && matched.push(doc) >= wanted) break;
      }
    }
    if (matched && direct) return matched.slice(sel.skip ?? 0, wanted);
    const cursor = compileFilter(matched ? {} : filter).find<Doc>(
      matched ?? candidates,
      projection,
    );
    if (sel.collation) cursor.collation(sel.collation as unknown as CollationSpec);
    if (hasSort && sel.sort) cursor.sort(sel.sort);
    if (sel.skip) cursor.skip(sel.skip);
    if (sel.limit) cursor.limit(Math.abs(sel.limit));
    return cursor.all();
  } catch (err) {
    if (err instanceof CommandError) throw err;
    throw commandError('BadValue', (err as Error).message);
  }
}
