import { Query } from 'mingo';
import type { Collection } from '../collection';
import type { CursorStore } from '../cursors';
import type { Doc } from '../documents';
import { isPlainObject, valueKey } from '../documents';
import type { Engine } from '../engine';
import { commandError } from '../errors';

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
    return new Query(filter ?? {}, {});
  } catch (err) {
    throw commandError('BadValue', (err as Error).message);
  }
}

// A filter on _id equality alone is answered from the _id map, without a scan.
function byIdOnly(coll: Collection, filter: Doc): Doc[] | null {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return null;
  const id = filter._id;
  if (isPlainObject(id) || Array.isArray(id) || id instanceof RegExp) return null;
  const doc = coll.getById(id);
  return doc ? [doc] : [];
}

export interface Selection {
  filter?: Doc;
  sort?: Doc;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

// Matching documents in natural (insertion) order unless sorted; references to stored docs unless projected.
export function select(coll: Collection | undefined, sel: Selection): Doc[] {
  if (!coll) return [];
  const filter = sel.filter ?? {};
  const fast = byIdOnly(coll, filter);
  if (fast && !sel.projection)
    return fast.slice(sel.skip ?? 0, sel.limit ? (sel.skip ?? 0) + sel.limit : undefined);
  const projection =
    sel.projection && Object.keys(sel.projection).length ? sel.projection : undefined;
  try {
    const cursor = compileFilter(filter).find<Doc>(fast ?? coll.all(), projection);
    if (sel.sort && Object.keys(sel.sort).length) cursor.sort(sel.sort);
    if (sel.skip) cursor.skip(sel.skip);
    if (sel.limit) cursor.limit(Math.abs(sel.limit));
    return cursor.all();
  } catch (err) {
    if (err instanceof Error && err.name === 'CommandError') throw err;
    throw commandError('BadValue', (err as Error).message);
  }
}

export const sameId = (a: Doc, b: Doc): boolean => valueKey(a._id) === valueKey(b._id);
