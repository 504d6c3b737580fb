import { ObjectId, serialize } from 'bson';
import type { Collection } from '../collection';
import type { Doc } from '../documents';
import { isPlainObject } from '../documents';
import { CommandError, commandError } from '../errors';
import { cachedQuery } from '../queries';
import { applyUpdate, buildUpsert, type UpdateSpec } from '../update';
import {
  collectionName,
  optionalDoc,
  select,
  type CommandContext,
  type CommandHandler,
} from './context';

interface WriteError extends Doc {
  index: number;
  code: number;
  errmsg: string;
}

function toWriteError(err: unknown, index: number): WriteError {
  if (err instanceof CommandError)
    return { index, code: err.code, errmsg: err.message, ...err.extra };
  return { index, code: 2, errmsg: err instanceof Error ? err.message : String(err) };
}

// Runs each statement; an ordered batch stops at the first error, as mongod does.
function eachStatement<T>(
  items: T[],
  ordered: boolean,
  run: (item: T, index: number) => void,
): WriteError[] {
  const errors: WriteError[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      run(items[i], i);
    } catch (err) {
      errors.push(toWriteError(err, i));
      if (ordered) break;
    }
  }
  return errors;
}

const withErrors = (reply: Doc, errors: WriteError[]): Doc =>
  errors.length ? { ...reply, writeErrors: errors } : reply;

function statements(cmd: Doc, field: string): Doc[] {
  const value = cmd[field];
  if (!Array.isArray(value))
    throw commandError('FailedToParse', `BSON field '${field}' is missing but a required field`);
  return value as Doc[];
}

const insert: CommandHandler = (cmd, ctx) => {
  const docs = statements(cmd, 'documents');
  const coll = ctx.engine.ensureCollection(ctx.db, collectionName(cmd, 'insert'));
  let n = 0;
  const errors = eachStatement(docs, cmd.ordered !== false, (doc) => {
    ctx.engine.insert(coll, doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc);
    n++;
  });
  return withErrors({ n, ok: 1 }, errors);
};

const unchanged = (a: Doc, b: Doc): boolean => Buffer.from(serialize(a)).equals(serialize(b));

interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  before: Doc | null;
  after: Doc | null;
}

interface UpdateStatement {
  q: Doc;
  u: UpdateSpec;
  multi: boolean;
  upsert: boolean;
  arrayFilters?: Doc[];
  collation?: Doc;
  // findAndModify: the first document in this order is the one updated.
  sort?: Doc;
}

function parseStatement(raw: Doc, filterField: string, updateField: string): UpdateStatement {
  const u = raw[updateField];
  if (!isPlainObject(u) && !Array.isArray(u)) {
    throw commandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  return {
    q: optionalDoc(raw[filterField]) ?? {},
    u: u as UpdateSpec,
    multi: raw.multi === true,
    upsert: raw.upsert === true,
    arrayFilters: Array.isArray(raw.arrayFilters) ? (raw.arrayFilters as Doc[]) : undefined,
    collation: optionalDoc(raw.collation),
    sort: optionalDoc(raw.sort),
  };
}

// One update statement. The collection is created only when an upsert inserts, as mongod does.
function updateDocs(ctx: CommandContext, name: string, s: UpdateStatement): UpdateOutcome {
  const existing = ctx.engine.collection(ctx.db, name);
  const targets = select(existing, {
    filter: s.q,
    sort: s.sort,
    limit: s.multi ? undefined : 1,
    collation: s.collation,
  });
  if (!existing || !targets.length) {
    if (!s.upsert) return { matched: 0, modified: 0, before: null, after: null };
    const doc = buildUpsert(s.q, s.u, s.arrayFilters);
    ctx.engine.insert(ctx.engine.ensureCollection(ctx.db, name), doc);
    return { matched: 0, modified: 0, upsertedId: doc._id, before: null, after: doc };
  }
  let modified = 0;
  let first: { before: Doc; after: Doc } | null = null;
  for (const doc of targets) {
    const next = applyUpdate(doc, s.u, { filter: s.q, arrayFilters: s.arrayFilters });
    first ??= { before: doc, after: next };
    if (unchanged(doc, next)) continue;
    ctx.engine.replace(existing, doc, next);
    modified++;
  }
  return {
    matched: targets.length,
    modified,
    before: first?.before ?? null,
    after: first?.after ?? null,
  };
}

const update: CommandHandler = (cmd, ctx) => {
  const updates = statements(cmd, 'updates');
  const name = collectionName(cmd, 'update');
  let n = 0;
  let nModified = 0;
  const upserted: Doc[] = [];
  const errors = eachStatement(updates, cmd.ordered !== false, (stmt, index) => {
    const outcome = updateDocs(ctx, name, { ...parseStatement(stmt, 'q', 'u'), sort: undefined });
    n += outcome.matched;
    nModified += outcome.modified;
    if (outcome.upsertedId !== undefined) {
      n++;
      upserted.push({ index, _id: outcome.upsertedId });
    }
  });
  return withErrors({ n, nModified, ...(upserted.length ? { upserted } : {}), ok: 1 }, errors);
};

const deleteCommand: CommandHandler = (cmd, ctx) => {
  const deletes = statements(cmd, 'deletes');
  const coll = ctx.engine.collection(ctx.db, collectionName(cmd, 'delete'));
  let n = 0;
  const errors = eachStatement(deletes, cmd.ordered !== false, (stmt) => {
    const targets = select(coll, {
      filter: optionalDoc(stmt.q) ?? {},
      limit: stmt.limit === 1 ? 1 : undefined,
      collation: optionalDoc(stmt.collation),
    });
    for (const doc of targets) ctx.engine.remove(coll as Collection, doc);
    n += targets.length;
  });
  return withErrors({ n, ok: 1 }, errors);
};

function project(doc: Doc | null, fields: Doc | undefined): Doc | null {
  if (!doc || !fields || !Object.keys(fields).length) return doc;
  return cachedQuery({}).find<Doc>([doc], fields).all()[0] ?? null;
}

// Atomic read-modify-write: select, update and journal happen in one synchronous run.
const findAndModify: CommandHandler = (cmd, ctx) => {
  const name = collectionName(
    cmd,
    cmd.findAndModify !== undefined ? 'findAndModify' : 'findandmodify',
  );
  const fields = optionalDoc(cmd.fields);
  if (cmd.remove === true) {
    const coll = ctx.engine.collection(ctx.db, name);
    const [doc] = select(coll, {
      filter: optionalDoc(cmd.query) ?? {},
      sort: optionalDoc(cmd.sort),
      limit: 1,
      collation: optionalDoc(cmd.collation),
    });
    if (doc) ctx.engine.remove(coll as Collection, doc);
    return { lastErrorObject: { n: doc ? 1 : 0 }, value: project(doc ?? null, fields), ok: 1 };
  }
  const outcome = updateDocs(ctx, name, {
    ...parseStatement(cmd, 'query', 'update'),
    multi: false,
  });
  const upserted = outcome.upsertedId !== undefined;
  const lastErrorObject: Doc = {
    n: upserted ? 1 : outcome.matched,
    updatedExisting: outcome.matched > 0,
  };
  if (upserted) lastErrorObject.upserted = outcome.upsertedId;
  const value = cmd.new === true ? outcome.after : outcome.before;
  return { lastErrorObject, value: project(value, fields), ok: 1 };
};

export const writeCommands: Record<string, CommandHandler> = {
  insert,
  update,
  delete: deleteCommand,
  findAndModify,
  findandmodify: findAndModify,
};
