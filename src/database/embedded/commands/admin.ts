import { indexName, type IndexSpec } from '../indexes';
import type { Doc } from '../documents';
import { isPlainObject } from '../documents';
import { commandError } from '../errors';
import {
  collectionName,
  compileFilter,
  optionalDoc,
  optionalNumber,
  type CommandHandler,
} from './context';

const INDEX_OPTIONS = [
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'collation',
  'background',
  'hidden',
];

function toIndexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw) || !isPlainObject(raw.key) || !Object.keys(raw.key).length) {
    throw commandError(
      'FailedToParse',
      "The 'key' field is a required property of an index specification",
    );
  }
  const key = raw.key as IndexSpec['key'];
  const spec: IndexSpec = {
    v: 2,
    key,
    name: typeof raw.name === 'string' ? raw.name : indexName(key),
  };
  for (const option of INDEX_OPTIONS) if (raw[option] !== undefined) spec[option] = raw[option];
  return spec;
}

const createIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'createIndexes');
  if (!Array.isArray(cmd.indexes))
    throw commandError('FailedToParse', "BSON field 'createIndexes.indexes' is missing");
  const specs = cmd.indexes.map(toIndexSpec);
  const existed = !!ctx.engine.collection(ctx.db, name);
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  const before = coll.indexes().length;
  let created = 0;
  for (const spec of specs) if (ctx.engine.createIndex(coll, spec)) created++;
  return {
    numIndexesBefore: before,
    numIndexesAfter: coll.indexes().length,
    createdCollectionAutomatically: !existed,
    ...(created ? {} : { note: 'all indexes already exist' }),
    ok: 1,
  };
};

const listIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'listIndexes');
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw commandError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
  const batchSize = optionalNumber(optionalDoc(cmd.cursor)?.batchSize);
  return ctx.cursors.first(`${ctx.db}.${name}`, coll.indexes(), batchSize);
};

const dropIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'dropIndexes');
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw commandError('NamespaceNotFound', `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes().length;
  const target = cmd.index;
  let names: string[];
  if (target === '*')
    names = coll
      .indexes()
      .map((s) => s.name)
      .filter((n) => n !== '_id_');
  else if (typeof target === 'string') names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (isPlainObject(target)) {
    const match = coll.indexes().find((s) => JSON.stringify(s.key) === JSON.stringify(target));
    if (!match)
      throw commandError('IndexNotFound', `can't find index with key: ${JSON.stringify(target)}`);
    names = [match.name];
  } else throw commandError('TypeMismatch', "BSON field 'dropIndexes.index' is the wrong type");
  for (const index of names) ctx.engine.dropIndex(coll, index);
  return { nIndexesWas, ok: 1 };
};

const listCollections: CommandHandler = (cmd, ctx) => {
  const filter = compileFilter(optionalDoc(cmd.filter));
  const entries = ctx.engine
    .collections(ctx.db)
    .map((coll) => ({
      name: coll.name,
      type: 'collection',
      options: coll.options,
      info: { readOnly: false },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    }))
    .filter((entry) => filter.test(entry));
  const docs: Doc[] =
    cmd.nameOnly === true ? entries.map(({ name, type }) => ({ name, type })) : entries;
  const batchSize = optionalNumber(optionalDoc(cmd.cursor)?.batchSize);
  return ctx.cursors.first(`${ctx.db}.$cmd.listCollections`, docs, batchSize);
};

const create: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'create');
  if (ctx.engine.collection(ctx.db, name)) {
    throw commandError('NamespaceExists', `Collection ${ctx.db}.${name} already exists.`);
  }
  const {
    create: _name,
    $db: _db,
    lsid: _lsid,
    $clusterTime: _ct,
    writeConcern: _wc,
    ...options
  } = cmd;
  ctx.engine.ensureCollection(ctx.db, name, options);
  return { ok: 1 };
};

const drop: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'drop');
  const coll = ctx.engine.collection(ctx.db, name);
  const nIndexesWas = coll?.indexes().length ?? 0;
  ctx.engine.dropCollection(ctx.db, name);
  return { nIndexesWas, ns: `${ctx.db}.${name}`, ok: 1 };
};

const dropDatabase: CommandHandler = (_cmd, ctx) => {
  ctx.engine.dropDatabase(ctx.db);
  return { dropped: ctx.db, ok: 1 };
};

const splitNamespace = (value: unknown, field: string): [string, string] => {
  const ns = typeof value === 'string' ? value : '';
  const dot = ns.indexOf('.');
  if (dot <= 0 || dot === ns.length - 1)
    throw commandError('InvalidNamespace', `Invalid ${field} namespace: ${ns}`);
  return [ns.slice(0, dot), ns.slice(dot + 1)];
};

// Run against admin: { renameCollection: 'db.from', to: 'db.to', dropTarget? }.
const renameCollection: CommandHandler = (cmd, ctx) => {
  const [db, name] = splitNamespace(cmd.renameCollection, 'source');
  const [toDb, to] = splitNamespace(cmd.to, 'target');
  if (!ctx.engine.collection(db, name))
    throw commandError('NamespaceNotFound', 'Source collection does not exist');
  if (ctx.engine.collection(toDb, to)) {
    if (cmd.dropTarget !== true) throw commandError('NamespaceExists', 'target namespace exists');
    ctx.engine.dropCollection(toDb, to);
  }
  ctx.engine.renameCollection(db, name, toDb, to);
  return { ok: 1 };
};

const dbStats: CommandHandler = (_cmd, ctx) => {
  const collections = ctx.engine.collections(ctx.db);
  return {
    db: ctx.db,
    collections: collections.length,
    views: 0,
    objects: collections.reduce((n, c) => n + c.size, 0),
    indexes: collections.reduce((n, c) => n + c.indexes().length, 0),
    dataSize: 0,
    storageSize: 0,
    indexSize: 0,
    ok: 1,
  };
};

const listDatabases: CommandHandler = (cmd, ctx) => {
  const databases = ctx.engine.databases().map((name) => ({ name, sizeOnDisk: 0, empty: false }));
  return cmd.nameOnly === true
    ? { databases: databases.map(({ name }) => ({ name })), ok: 1 }
    : { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

export const adminCommands: Record<string, CommandHandler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  listCollections,
  create,
  drop,
  dropDatabase,
  listDatabases,
  renameCollection,
  dbStats,
};
