import { Binary, EJSON, ObjectId, type Document } from 'bson';

export type Doc = Document;

// How BSON is read back, from the wire and from disk alike, so the engine sees one set of types:
// values are promoted like the driver does (int64 becomes a number when it fits 53 bits, else stays Long).
export const DESERIALIZE = {
  promoteLongs: true,
  promoteValues: true,
  promoteBuffers: false,
  bsonRegExp: false,
} as const;

// Deep copy of plain objects, arrays and dates; BSON value classes are immutable and shared.
export function copyValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Binary) return new Binary(Buffer.from(value.buffer), value.sub_type) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k] = copyValue(v);
  return out as T;
}

export const copyDoc = (doc: Doc): Doc => copyValue(doc);

export const isPlainObject = (value: unknown): value is Doc =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

// A canonical string for equality of BSON values (hash-map keys for _id and unique indexes).
export function valueKey(value: unknown): string {
  if (value instanceof ObjectId) return `o:${value.toHexString()}`;
  if (typeof value === 'string') return `s:${value}`;
  if (value === undefined || value === null) return 'n:';
  return `j:${EJSON.stringify({ v: value }, { relaxed: false })}`;
}

// Mongo-shell-like rendering used in E11000 messages: { name: "x" }, ObjectId('...'), new Date(...).
function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  if (isPlainObject(value)) return formatKeyValue(value);
  return String(value);
}

export function formatKeyValue(doc: Doc): string {
  const parts = Object.entries(doc).map(([k, v]) => `${k}: ${formatValue(v)}`);
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}

// Values at a dotted path, descending into arrays like an index does; [] when missing.
export function pathValues(doc: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split('.');
  if (Array.isArray(doc)) {
    if (/^\d+$/.test(head) && doc[Number(head)] !== undefined) {
      return rest.length ? pathValues(doc[Number(head)], rest.join('.')) : [doc[Number(head)]];
    }
    return doc.flatMap((item) => pathValues(item, path));
  }
  if (doc === null || typeof doc !== 'object' || !(head in (doc as Doc))) return [];
  const value = (doc as Doc)[head];
  if (!rest.length) return Array.isArray(value) ? (value.length ? value : [undefined]) : [value];
  return pathValues(value, rest.join('.'));
}

export function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Doc = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur[part])) cur[part] = {};
    cur = cur[part] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
}
