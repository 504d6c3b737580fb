import type { Document } from 'bson';
import { Collection } from './collection';
import { pathValues, type Doc } from './documents';
import { commandError } from './errors';
import type { IndexSpec } from './indexes';
import { Journal } from './storage/journal';

// Journal records, replayed in order over the last snapshot.
type JournalRecord =
  | { op: 'cc'; db: string; coll: string; options: Doc }
  | { op: 'dc'; db: string; coll: string }
  | { op: 'dd'; db: string }
  | { op: 'rn'; db: string; coll: string; toDb: string; to: string }
  | { op: 'ci'; db: string; coll: string; spec: IndexSpec }
  | { op: 'di'; db: string; coll: string; name: string }
  | { op: 'put'; db: string; coll: string; doc: Doc }
  | { op: 'del'; db: string; coll: string; id: unknown };

const NAME_RULES = /^[^\0$]+$/;

// All databases and collections, plus the write-ahead bookkeeping of one command at a time.
export class Engine {
  private readonly dbs = new Map<string, Map<string, Collection>>();
  private pending: JournalRecord[] = [];
  private journalFailure: Error | null = null;

  constructor(private readonly journal: Journal | null = null) {}

  // Loads snapshot + journal (no uniqueness checks while replaying), then rebuilds unique maps.
  static open(dataDir: string | null): { engine: Engine; warnings: string[] } {
    if (!dataDir) return { engine: new Engine(), warnings: [] };
    const { journal, loaded } = Journal.open(dataDir);
    const engine = new Engine(journal);
    for (const record of [...loaded.snapshot, ...loaded.journal])
      engine.replay(record as JournalRecord);
    const warnings = engine.collections().flatMap((c) => c.rebuildIndexes());
    if (loaded.tornBytes) warnings.push(`ignored a torn journal tail of ${loaded.tornBytes} bytes`);
    if (loaded.journal.length) engine.compact();
    return { engine, warnings };
  }

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  // Implicit creation on first write, as mongod does.
  ensureCollection(db: string, name: string, options: Doc = {}): Collection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    if (!NAME_RULES.test(db) || db.includes('.') || !NAME_RULES.test(name)) {
      throw commandError('InvalidNamespace', `Invalid namespace specified '${db}.${name}'`);
    }
    const coll = this.attach(db, name, options);
    this.record({ op: 'cc', db, coll: name, options });
    return coll;
  }

  collections(db?: string): Collection[] {
    if (db !== undefined) return Array.from(this.dbs.get(db)?.values() ?? []);
    return Array.from(this.dbs.values()).flatMap((m) => Array.from(m.values()));
  }

  databases(): string[] {
    return Array.from(this.dbs.keys());
  }

  dropCollection(db: string, name: string): boolean {
    const colls = this.dbs.get(db);
    if (!colls?.delete(name)) return false;
    if (!colls.size) this.dbs.delete(db);
    this.record({ op: 'dc', db, coll: name });
    return true;
  }

  // Moves documents and indexes under a new name (the target must not exist any more).
  renameCollection(db: string, name: string, toDb: string, to: string): void {
    const source = this.collection(db, name);
    if (!source) return;
    this.move(source, toDb, to);
    this.record({ op: 'rn', db, coll: name, toDb, to });
  }

  dropDatabase(db: string): void {
    if (this.dbs.delete(db)) this.record({ op: 'dd', db });
  }

  // Mutations that go through these helpers are journaled at commit().
  insert(coll: Collection, doc: Doc): void {
    coll.insert(doc);
    this.record({ op: 'put', db: coll.db, coll: coll.name, doc });
  }

  replace(coll: Collection, previous: Doc, next: Doc): void {
    coll.replace(previous, next);
    this.record({ op: 'put', db: coll.db, coll: coll.name, doc: next });
  }

  remove(coll: Collection, doc: Doc): void {
    coll.delete(doc);
    this.record({ op: 'del', db: coll.db, coll: coll.name, id: doc._id });
  }

  createIndex(coll: Collection, spec: IndexSpec): boolean {
    const created = coll.createIndex(spec);
    if (created) this.record({ op: 'ci', db: coll.db, coll: coll.name, spec });
    return created;
  }

  dropIndex(coll: Collection, name: string): void {
    coll.dropIndex(name);
    this.record({ op: 'di', db: coll.db, coll: coll.name, name });
  }

  // TTL monitor: removes documents whose indexed date is older than expireAfterSeconds, as mongod does every minute.
  expire(now: Date): number {
    let removed = 0;
    for (const coll of this.collections()) {
      for (const spec of coll.indexes()) {
        const fields = Object.keys(spec.key);
        if (typeof spec.expireAfterSeconds !== 'number' || fields.length !== 1) continue;
        const cutoff = now.getTime() - spec.expireAfterSeconds * 1000;
        for (const doc of coll.all()) {
          const dates = pathValues(doc, fields[0]).filter((v): v is Date => v instanceof Date);
          if (dates.length && Math.min(...dates.map((d) => d.getTime())) <= cutoff) {
            this.remove(coll, doc);
            removed++;
          }
        }
      }
    }
    this.commit();
    return removed;
  }

  // Appends this command's changes to the journal; called before the reply is sent.
  commit(): void {
    if (!this.pending.length) return;
    const records = this.pending;
    this.pending = [];
    if (!this.journal) return;
    try {
      this.journal.append(records);
    } catch (err) {
      this.journalFailure = err as Error;
      throw err;
    }
  }

  // Set once a journal write failed: memory may hold changes the disk does not.
  get failure(): Error | null {
    return this.journalFailure;
  }

  get journalBytes(): number {
    return this.journal?.size ?? 0;
  }

  compact(): void {
    this.journal?.compact(this.stateRecords());
  }

  flush(): void {
    this.journal?.flush();
  }

  close(): void {
    if (!this.journal) return;
    this.compact();
    this.journal.close();
  }

  private *stateRecords(): Iterable<Document> {
    for (const coll of this.collections()) {
      yield { op: 'cc', db: coll.db, coll: coll.name, options: coll.options };
      for (const spec of coll.indexes()) {
        if (spec.name !== '_id_') yield { op: 'ci', db: coll.db, coll: coll.name, spec };
      }
      for (const doc of coll.all()) yield { op: 'put', db: coll.db, coll: coll.name, doc };
    }
  }

  private record(record: JournalRecord): void {
    if (this.journal) this.pending.push(record);
  }

  private attach(db: string, name: string, options: Doc): Collection {
    let colls = this.dbs.get(db);
    if (!colls) this.dbs.set(db, (colls = new Map()));
    const coll = new Collection(db, name, options);
    colls.set(name, coll);
    return coll;
  }

  private move(source: Collection, toDb: string, to: string): void {
    this.dbs.get(source.db)?.delete(source.name);
    if (this.dbs.get(source.db)?.size === 0) this.dbs.delete(source.db);
    this.dbs.get(toDb)?.delete(to);
    const target = this.attach(toDb, to, source.options);
    for (const spec of source.indexes()) if (spec.name !== '_id_') target.restoreIndex(spec);
    for (const doc of source.all()) target.restore(doc);
    target.rebuildIndexes();
  }

  private replay(r: JournalRecord): void {
    const coll = () =>
      this.collection(r.db, 'coll' in r ? r.coll : '') ??
      this.attach(r.db, 'coll' in r ? r.coll : '', {});
    switch (r.op) {
      case 'cc':
        if (!this.collection(r.db, r.coll)) this.attach(r.db, r.coll, r.options ?? {});
        break;
      case 'dc':
        this.dbs.get(r.db)?.delete(r.coll);
        if (this.dbs.get(r.db)?.size === 0) this.dbs.delete(r.db);
        break;
      case 'dd':
        this.dbs.delete(r.db);
        break;
      case 'rn': {
        const source = this.collection(r.db, r.coll);
        if (source) this.move(source, r.toDb, r.to);
        break;
      }
      case 'ci':
        coll().restoreIndex(r.spec);
        break;
      case 'di':
        if (
          coll()
            .indexes()
            .some((spec) => spec.name === r.name)
        )
          coll().dropIndex(r.name);
        break;
      case 'put':
        coll().restore(r.doc);
        break;
      case 'del':
        this.collection(r.db, r.coll)?.removeById(r.id);
        break;
    }
  }
}
