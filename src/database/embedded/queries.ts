import { EJSON, ObjectId } from 'bson';
import { Query } from 'mingo';
import type { Doc } from './documents';
import { copyDoc, isPlainObject } from './documents';

// Compiled mingo queries by canonical filter text: mongoose repeats the same filters (indexes,
// state lookups, polls) and compiling one costs more than matching it.
const MAX_CACHED = 500;
const MAX_KEY_LENGTH = 4096;
const cache = new Map<string, Query>();

function cacheKey(filter: Doc): string | null {
  try {
    const key = EJSON.stringify(filter, { relaxed: false });
    return key.length <= MAX_KEY_LENGTH ? key : null;
  } catch {
    return null;
  }
}

// Throws what mingo throws for an invalid filter; failures are not cached.
export function cachedQuery(filter: Doc): Query {
  const key = cacheKey(filter);
  if (key === null) return new Query(filter, {});
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the first key is the one to evict.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // A private copy: the caller's filter objects may later end up in stored documents.
  const query = new Query(copyDoc(filter), {});
  cache.set(key, query);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return query;
}

export const cachedQueryCount = (): number => cache.size;

type Scalar = string | number | boolean | ObjectId | Date;

const isFastScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' ||
  (typeof v === 'number' && !Number.isNaN(v)) ||
  typeof v === 'boolean' ||
  v instanceof ObjectId ||
  v instanceof Date;

// The values one condition accepts: `v`, `{ $eq: v }` or `{ $in: [...] }` over non-null scalars.
function acceptedValues(condition: unknown): Scalar[] | null {
  if (isFastScalar(condition)) return [condition];
  if (!isPlainObject(condition)) return null;
  const ops = Object.keys(condition);
  if (ops.length !== 1) return null;
  if (ops[0] === '$eq' && isFastScalar(condition.$eq)) return [condition.$eq];
  if (ops[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(isFastScalar))
    return condition.$in as Scalar[];
  return null;
}

// `{ a: 1, b: { $in: ['x', 'y'] } }` on top-level fields (no other operators, dots or nulls),
// or null when mingo has to decide.
export function plainEquality(filter: Doc): [string, Scalar[]][] | null {
  const conditions: [string, Scalar[]][] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$') || field.includes('.')) return null;
    const values = acceptedValues(condition);
    if (!values) return null;
    conditions.push([field, values]);
  }
  return conditions.length ? conditions : null;
}

// true/false when the stored value decides alone; null for BSON types left to mingo (Long, Decimal...).
function scalarEquals(stored: unknown, wanted: Scalar): boolean | null {
  if (stored === undefined || stored === null) return false;
  if (typeof stored === 'string' || typeof stored === 'boolean') return stored === wanted;
  if (typeof stored === 'number') return Number.isNaN(stored) ? false : stored === wanted;
  if (stored instanceof ObjectId) return wanted instanceof ObjectId && stored.equals(wanted);
  if (stored instanceof Date)
    return wanted instanceof Date && stored.getTime() === wanted.getTime();
  if (isPlainObject(stored)) return false;
  return null;
}

// Equality as mongod applies it: the field equals an accepted value or is an array holding one.
export function matchesPlain(doc: Doc, conditions: [string, Scalar[]][]): boolean | null {
  let undecided = false;
  for (const [field, accepted] of conditions) {
    const stored = doc[field];
    const values: unknown[] = Array.isArray(stored) ? stored : [stored];
    let verdict: boolean | null = false;
    for (const value of values) {
      for (const wanted of accepted) {
        const equal = scalarEquals(value, wanted);
        if (equal) verdict = true;
        else if (equal === null && verdict === false) verdict = null;
        if (verdict) break;
      }
      if (verdict) break;
    }
    // One definite mismatch settles it; an unknown one waits for the other fields.
    if (verdict === false) return false;
    if (verdict === null) undecided = true;
  }
  return undecided ? null : true;
}
