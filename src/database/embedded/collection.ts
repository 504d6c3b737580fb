import { Query } from 'mingo';
import type { Doc } from './documents';
import { formatKeyValue, pathValues, valueKey } from './documents';
import { commandError } from './errors';

export interface IndexSpec extends Doc {
  v: number;
  key: Record<string, number | string>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  // Stored and reported, but documents never expire in the embedded server.
  expireAfterSeconds?: number;
}

const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export const indexName = (key: Record<string, unknown>): string =>
  Object.entries(key)
    .map(([field, dir]) => `${field}_${String(dir)}`)
    .join('_');

// A unique index: hash map from the canonical key to the _id key of the owning document.
class UniqueIndex {
  private readonly owners = new Map<string, string>();
  private readonly filter: Query | null;

  constructor(readonly spec: IndexSpec) {
    this.filter = spec.partialFilterExpression ? new Query(spec.partialFilterExpression, {}) : null;
  }

  // Every key this document contributes (several for array fields), or none if it is not indexed.
  keys(doc: Doc): { key: string; value: Doc }[] {
    if (this.filter && !this.filter.test(doc)) return [];
    const fields = Object.keys(this.spec.key);
    const perField = fields.map((f) => pathValues(doc, f));
    if (this.spec.sparse && perField.every((values) => values.length === 0)) return [];
    let combos: unknown[][] = [[]];
    for (const values of perField) {
      const options = values.length ? values : [null];
      combos = combos.flatMap((combo) => options.map((v) => [...combo, v ?? null]));
    }
    return combos.map((combo) => {
      const value: Doc = {};
      fields.forEach((f, i) => (value[f] = combo[i]));
      return { key: combo.map(valueKey).join('\u0000'), value };
    });
  }

  conflict(doc: Doc, selfId: string | null): Doc | null {
    for (const { key, value } of this.keys(doc)) {
      const owner = this.owners.get(key);
      if (owner !== undefined && owner !== selfId) return value;
    }
    return null;
  }

  add(doc: Doc, id: string): void {
    for (const { key } of this.keys(doc)) this.owners.set(key, id);
  }

  remove(doc: Doc, id: string): void {
    for (const { key } of this.keys(doc)) if (this.owners.get(key) === id) this.owners.delete(key);
  }
}

export class Collection {
  private readonly docs = new Map<string, Doc>();
  private readonly specs = new Map<string, IndexSpec>([[ID_INDEX.name, ID_INDEX]]);
  private readonly unique = new Map<string, UniqueIndex>();

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Doc = {},
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  all(): Doc[] {
    return Array.from(this.docs.values());
  }

  indexes(): IndexSpec[] {
    return Array.from(this.specs.values());
  }

  getById(id: unknown): Doc | undefined {
    return this.docs.get(valueKey(id));
  }

  // Throws E11000 if the document would collide with another on _id or a unique index.
  checkUnique(doc: Doc, previous: Doc | null): void {
    const id = valueKey(doc._id);
    const selfId = previous ? valueKey(previous._id) : null;
    if (id !== selfId && this.docs.has(id)) throw this.duplicate(ID_INDEX, { _id: doc._id });
    for (const index of this.unique.values()) {
      const value = index.conflict(doc, selfId);
      if (value) throw this.duplicate(index.spec, value);
    }
  }

  insert(doc: Doc): void {
    this.checkUnique(doc, null);
    this.put(doc);
  }

  replace(previous: Doc, next: Doc): void {
    this.checkUnique(next, previous);
    this.delete(previous);
    this.put(next);
  }

  delete(doc: Doc): void {
    const id = valueKey(doc._id);
    for (const index of this.unique.values()) index.remove(doc, id);
    this.docs.delete(id);
  }

  // Replay path: no checks, last write wins; indexes are rebuilt by the caller.
  restore(doc: Doc): void {
    this.docs.set(valueKey(doc._id), doc);
  }

  removeById(id: unknown): void {
    const doc = this.getById(id);
    if (doc) this.delete(doc);
  }

  createIndex(spec: IndexSpec): boolean {
    const existing = this.specs.get(spec.name);
    if (existing) {
      if (
        JSON.stringify(existing.key) !== JSON.stringify(spec.key) ||
        !!existing.unique !== !!spec.unique
      ) {
        throw commandError(
          'IndexKeySpecsConflict',
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
        );
      }
      return false;
    }
    if (spec.unique) {
      const index = new UniqueIndex(spec);
      for (const [id, doc] of this.docs) {
        const value = index.conflict(doc, id);
        if (value) throw this.duplicate(spec, value);
        index.add(doc, id);
      }
      this.unique.set(spec.name, index);
    }
    this.specs.set(spec.name, spec);
    return true;
  }

  // Replay path: the index map is filled by rebuildIndexes().
  restoreIndex(spec: IndexSpec): void {
    this.specs.set(spec.name, spec);
    if (spec.unique) this.unique.set(spec.name, new UniqueIndex(spec));
  }

  dropIndex(name: string): void {
    if (name === ID_INDEX.name) throw commandError('InvalidNamespace', 'cannot drop _id index');
    if (!this.specs.delete(name))
      throw commandError('IndexNotFound', `index not found with name [${name}]`);
    this.unique.delete(name);
  }

  dropIndexes(): void {
    for (const name of this.specs.keys()) if (name !== ID_INDEX.name) this.dropIndex(name);
  }

  // Rebuilds unique maps after a replay; a duplicate in stored data is reported, not fatal.
  rebuildIndexes(): string[] {
    const problems: string[] = [];
    for (const [name, index] of this.unique) {
      const fresh = new UniqueIndex(index.spec);
      for (const [id, doc] of this.docs) {
        if (fresh.conflict(doc, id)) problems.push(`${this.ns} index ${name} has duplicates`);
        fresh.add(doc, id);
      }
      this.unique.set(name, fresh);
    }
    return problems;
  }

  private put(doc: Doc): void {
    const id = valueKey(doc._id);
    this.docs.set(id, doc);
    for (const index of this.unique.values()) index.add(doc, id);
  }

  private duplicate(spec: IndexSpec, keyValue: Doc) {
    return commandError(
      'DuplicateKey',
      `E11000 duplicate key error collection: ${this.ns} index: ${spec.name} dup key: ${formatKeyValue(keyValue)}`,
      { keyPattern: spec.key, keyValue },
    );
  }
}
