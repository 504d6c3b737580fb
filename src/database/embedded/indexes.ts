import { ObjectId } from 'bson';
import { Query } from 'mingo';
import type { Doc } from './documents';
import { isPlainObject, pathValues, setPath, valueKey } from './documents';

export interface IndexSpec extends Doc {
  v: number;
  key: Record<string, number | string>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  // TTL: the server's monitor deletes expired documents once a minute.
  expireAfterSeconds?: number;
}

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export const indexName = (key: Record<string, unknown>): string =>
  Object.entries(key)
    .map(([field, dir]) => `${field}_${String(dir)}`)
    .join('_');

// Ascending, descending and hashed keys can be kept in a hash map; text and geo indexes are only recorded.
export const isHashable = (spec: IndexSpec): boolean =>
  Object.values(spec.key).every((dir) => typeof dir === 'number' || dir === 'hashed');

interface IndexKey {
  key: string;
  values: unknown[];
}

// Hash map from an index key to the _id keys of the documents holding it. It enforces uniqueness
// without a scan and answers equality filters on its fields.
export class HashIndex {
  private readonly entries = new Map<string, Set<string>>();
  private readonly fields: string[];
  private readonly filter: Query | null;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.filter = spec.partialFilterExpression ? new Query(spec.partialFilterExpression, {}) : null;
  }

  // Every key a document contributes (one per array element combination), none if it is not indexed.
  private keys(doc: Doc): IndexKey[] {
    if (this.filter && !this.filter.test(doc)) return [];
    const perField = this.fields.map((f) => pathValues(doc, f));
    if (this.spec.sparse && perField.every((values) => values.length === 0)) return [];
    return combinations(perField.map((values) => (values.length ? values : [null])));
  }

  // The key values a document would collide on, or null.
  conflict(doc: Doc, selfId: string | null): Doc | null {
    if (!this.spec.unique) return null;
    for (const { key, values } of this.keys(doc)) {
      const owners = this.entries.get(key);
      if (!owners) continue;
      for (const owner of owners) {
        if (owner !== selfId)
          return Object.fromEntries(this.fields.map((f, i) => [f, values[i] ?? null]));
      }
    }
    return null;
  }

  add(doc: Doc, id: string): void {
    for (const { key } of this.keys(doc)) {
      const owners = this.entries.get(key);
      if (owners) owners.add(id);
      else this.entries.set(key, new Set([id]));
    }
  }

  remove(doc: Doc, id: string): void {
    for (const { key } of this.keys(doc)) {
      const owners = this.entries.get(key);
      owners?.delete(id);
      if (owners && !owners.size) this.entries.delete(key);
    }
  }

  // _id keys of the documents a filter with equality (or $in) on every indexed field can match;
  // null when the index cannot answer alone.
  lookup(filter: Doc): Set<string> | null {
    const perField: unknown[][] = [];
    for (const field of this.fields) {
      const values = equalityValues(filter[field]);
      if (!values) return null;
      perField.push(values);
    }
    const keys = combinations(perField);
    if (!keys.every(({ values }) => this.holdsEveryMatch(values))) return null;
    const ids = new Set<string>();
    for (const { key } of keys) this.entries.get(key)?.forEach((id) => ids.add(id));
    return ids;
  }

  // A sparse or partial index skips documents; it still answers when every document equal to
  // `values` on the indexed fields is necessarily indexed.
  private holdsEveryMatch(values: unknown[]): boolean {
    if (this.spec.sparse && values.every((v) => v === null)) return false;
    const partial = this.spec.partialFilterExpression;
    if (!partial || !this.filter) return true;
    if (!Object.keys(partial).every((field) => this.fields.includes(field))) return false;
    // Partial filters only allow positive conditions ($eq, $exists, $gt..., $type, $in, $and, $or),
    // so a document holding these values satisfies them exactly when this sample does.
    const sample: Doc = {};
    this.fields.forEach((f, i) => setPath(sample, f, values[i]));
    return this.filter.test(sample);
  }
}

function combinations(perField: unknown[][]): IndexKey[] {
  let combos: unknown[][] = [[]];
  for (const values of perField)
    combos = combos.flatMap((combo) => values.map((v) => [...combo, v ?? null]));
  return combos.map((values) => ({ key: values.map(valueKey).join('\u0000'), values }));
}

const isScalar = (v: unknown): boolean =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'number' ||
  typeof v === 'boolean' ||
  v instanceof ObjectId ||
  v instanceof Date;

// The values an equality condition accepts: `v`, `{ $eq: v }` or `{ $in: [...] }` over scalars.
export function equalityValues(condition: unknown): unknown[] | null {
  if (condition === undefined) return null;
  if (isScalar(condition)) return [condition];
  if (!isPlainObject(condition)) return null;
  const ops = Object.keys(condition);
  if (ops.length !== 1) return null;
  if (ops[0] === '$eq' && isScalar(condition.$eq)) return [condition.$eq];
  if (ops[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(isScalar))
    return condition.$in;
  return null;
}
