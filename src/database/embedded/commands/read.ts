import { Aggregator } from 'mingo';
import type { CollationSpec } from 'mingo/types/types';
import type { Doc } from '../documents';
import { copyDoc, isPlainObject, pathValues, valueKey } from '../documents';
import { commandError } from '../errors';
import {
  collectionName,
  optionalDoc,
  optionalNumber,
  select,
  type CommandHandler,
} from './context';

const find: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'find');
  const docs = select(ctx.engine.collection(ctx.db, name), {
    filter: optionalDoc(cmd.filter),
    sort: optionalDoc(cmd.sort),
    skip: optionalNumber(cmd.skip),
    limit: optionalNumber(cmd.limit),
    projection: optionalDoc(cmd.projection),
    collation: optionalDoc(cmd.collation),
  });
  return ctx.cursors.first(
    `${ctx.db}.${name}`,
    docs,
    optionalNumber(cmd.batchSize),
    cmd.singleBatch === true,
  );
};

const getMore: CommandHandler = (cmd, ctx) => {
  const id = Number(cmd.getMore);
  if (!Number.isFinite(id)) throw commandError('TypeMismatch', 'getMore cursor id must be a long');
  return ctx.cursors.more(
    id,
    `${ctx.db}.${collectionName(cmd, 'collection')}`,
    optionalNumber(cmd.batchSize),
  );
};

const killCursors: CommandHandler = (cmd, ctx) => {
  const ids = Array.isArray(cmd.cursors) ? cmd.cursors.map(Number) : [];
  const { killed, notFound } = ctx.cursors.kill(ids);
  return {
    cursorsKilled: killed,
    cursorsNotFound: notFound,
    cursorsAlive: [],
    cursorsUnknown: [],
    ok: 1,
  };
};

const UNSUPPORTED_STAGES = ['$out', '$merge', '$search', '$geoNear', '$changeStream'];

const aggregate: CommandHandler = (cmd, ctx) => {
  const target = cmd.aggregate;
  const pipeline = Array.isArray(cmd.pipeline) ? (cmd.pipeline as Doc[]) : null;
  if (!pipeline)
    throw commandError('FailedToParse', "'pipeline' option must be specified as an array");
  const stage = pipeline
    .map((s) => Object.keys(s)[0])
    .find((op) => UNSUPPORTED_STAGES.includes(op));
  if (stage)
    throw commandError('IllegalOperation', `${stage} is not supported by the embedded database`);
  const cursorOpts = optionalDoc(cmd.cursor);
  if (!cursorOpts && cmd.explain !== true) {
    throw commandError(
      'FailedToParse',
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  const collation = optionalDoc(cmd.collation);
  // A leading $match is answered like find (an index may narrow it). Only the matches are copied:
  // some stages write into the documents they receive.
  const leading = isPlainObject(pipeline[0]?.$match) ? (pipeline[0].$match as Doc) : undefined;
  const coll = typeof target === 'string' ? ctx.engine.collection(ctx.db, target) : undefined;
  const source = select(coll, { filter: leading, collation }).map(copyDoc);
  let results: Doc[];
  try {
    results = new Aggregator(leading ? pipeline.slice(1) : pipeline, {
      collectionResolver: (name) => (ctx.engine.collection(ctx.db, name)?.all() ?? []).map(copyDoc),
      variables: optionalDoc(cmd.let),
      collation: collation as CollationSpec | undefined,
    }).run<Doc>(source);
  } catch (err) {
    throw commandError('BadValue', (err as Error).message);
  }
  const ns = `${ctx.db}.${typeof target === 'string' ? target : '$cmd.aggregate'}`;
  return ctx.cursors.first(ns, results, optionalNumber(cursorOpts?.batchSize));
};

const count: CommandHandler = (cmd, ctx) => {
  const coll = ctx.engine.collection(ctx.db, collectionName(cmd, 'count'));
  const query = optionalDoc(cmd.query);
  const skip = optionalNumber(cmd.skip) ?? 0;
  const limit = optionalNumber(cmd.limit);
  let n =
    query && Object.keys(query).length
      ? select(coll, { filter: query, collation: optionalDoc(cmd.collation) }).length
      : (coll?.size ?? 0);
  n = Math.max(0, n - skip);
  if (limit) n = Math.min(n, Math.abs(limit));
  return { n, ok: 1 };
};

const distinct: CommandHandler = (cmd, ctx) => {
  const key = cmd.key;
  if (typeof key !== 'string')
    throw commandError('TypeMismatch', "BSON field 'distinct.key' is the wrong type");
  const docs = select(ctx.engine.collection(ctx.db, collectionName(cmd, 'distinct')), {
    filter: optionalDoc(cmd.query),
    collation: optionalDoc(cmd.collation),
  });
  const seen = new Map<string, unknown>();
  for (const doc of docs) {
    for (const value of pathValues(doc, key)) {
      if (value !== undefined && !seen.has(valueKey(value))) seen.set(valueKey(value), value);
    }
  }
  return { values: Array.from(seen.values()), ok: 1 };
};

export const readCommands: Record<string, CommandHandler> = {
  find,
  getMore,
  killCursors,
  aggregate,
  count,
  distinct,
};
