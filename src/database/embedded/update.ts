import { ObjectId } from 'bson';
import { update as mingoUpdate, updateOne as mingoUpdateOne } from 'mingo';
import type { Doc } from './documents';
import { copyDoc, copyValue, isPlainObject, setPath, valueKey } from './documents';
import { commandError } from './errors';

export type UpdateSpec = Doc | Doc[];

type Modifier = Parameters<typeof mingoUpdate>[1];
type Pipeline = Extract<Parameters<typeof mingoUpdateOne>[2], unknown[]>;

const isOperatorUpdate = (u: UpdateSpec): boolean =>
  !Array.isArray(u) && Object.keys(u).some((k) => k.startsWith('$'));

const usesPositional = (modifier: Doc): boolean =>
  Object.values(modifier).some(
    (fields) => isPlainObject(fields) && Object.keys(fields).some((p) => /(^|\.)\$(\.|$)/.test(p)),
  );

function checkIdUnchanged(before: Doc, after: Doc): void {
  if (valueKey(before._id) !== valueKey(after._id)) {
    throw commandError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
}

// Applies an update to a copy of `doc`; the stored document is never touched (so a failed unique check rolls back).
export function applyUpdate(
  doc: Doc,
  spec: UpdateSpec,
  opts: { filter: Doc; arrayFilters?: Doc[]; inserting?: boolean },
): Doc {
  const next = copyDoc(doc);
  if (Array.isArray(spec)) {
    const docs = [next];
    mingoUpdateOne(docs, {}, spec as Pipeline, { cloneMode: 'deep' });
    checkIdUnchanged(doc, docs[0]);
    return docs[0];
  }
  if (!isOperatorUpdate(spec)) {
    const replacement = { _id: doc._id, ...copyDoc(spec) };
    if (spec._id !== undefined) checkIdUnchanged(doc, replacement);
    return replacement;
  }
  const { $setOnInsert, ...modifier } = spec;
  if (opts.inserting && isPlainObject($setOnInsert)) {
    for (const [path, value] of Object.entries($setOnInsert)) setPath(next, path, copyValue(value));
  }
  if (Object.keys(modifier).length) {
    try {
      mingoUpdate(
        next,
        modifier as Modifier,
        opts.arrayFilters,
        usesPositional(modifier) ? opts.filter : undefined,
        { cloneMode: 'deep' },
      );
    } catch (err) {
      throw commandError('BadValue', (err as Error).message);
    }
  }
  // An upsert may choose its own _id; an update may not change it.
  if (!opts.inserting) checkIdUnchanged(doc, next);
  return next;
}

// The document an upsert starts from: the equality parts of the filter (top level and $and).
function seedFromFilter(filter: Doc, seed: Doc): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (isPlainObject(clause)) seedFromFilter(clause, seed);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isPlainObject(value)) {
      const ops = Object.keys(value);
      if (ops.length && ops.every((k) => k.startsWith('$'))) {
        if ('$eq' in value) setPath(seed, key, copyValue(value.$eq));
        continue;
      }
    }
    setPath(seed, key, copyValue(value));
  }
}

export function buildUpsert(filter: Doc, spec: UpdateSpec, arrayFilters?: Doc[]): Doc {
  if (!Array.isArray(spec) && !isOperatorUpdate(spec)) {
    const id =
      spec._id ??
      (isPlainObject(filter) && filter._id !== undefined && !isPlainObject(filter._id)
        ? filter._id
        : undefined);
    return { _id: id ?? new ObjectId(), ...copyDoc(spec) };
  }
  const seed: Doc = {};
  seedFromFilter(filter, seed);
  const base = { _id: seed._id ?? new ObjectId(), ...seed };
  const result = applyUpdate(base, spec, { filter, arrayFilters, inserting: true });
  if (result._id === undefined) result._id = base._id;
  return { _id: result._id, ...result };
}
