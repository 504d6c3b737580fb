import type { Doc } from './documents';
import { formatKeyValue, valueKey } from './documents';
import { commandError } from './errors';
import { equalityValues, HashIndex, ID_INDEX, isHashable, type IndexSpec } from './indexes';

// Documents keyed by _id (insertion order kept) plus their secondary indexes.
export class Collection {
  private readonly docs = new Map<string, Doc>();
  private readonly specs = new Map<string, IndexSpec>([[ID_INDEX.name, ID_INDEX]]);
  private readonly hashed = new Map<string, HashIndex>();

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

  // The documents an index can narrow the filter to (to be filtered further), or null when none applies.
  candidates(filter: Doc): Doc[] | null {
    const ids = equalityValues(filter._id);
    if (ids) return ids.map((id) => this.getById(id)).filter((d): d is Doc => d !== undefined);
    for (const index of this.hashed.values()) {
      const keys = index.lookup(filter);
      if (keys)
        return Array.from(keys, (k) => this.docs.get(k)).filter((d): d is Doc => d !== undefined);
    }
    return null;
  }

  // Throws E11000 if the document would collide with another on _id or a unique index.
  checkUnique(doc: Doc, previous: Doc | null): void {
    const id = valueKey(doc._id);
    const selfId = previous ? valueKey(previous._id) : null;
    if (id !== selfId && this.docs.has(id)) throw this.duplicate(ID_INDEX, { _id: doc._id });
    for (const index of this.hashed.values()) {
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
    for (const index of this.hashed.values()) index.remove(doc, id);
    this.docs.delete(id);
  }

  // Replay path: no checks, last write wins; indexes are rebuilt by rebuildIndexes().
  restore(doc: Doc): void {
    this.docs.set(valueKey(doc._id), doc);
  }

  removeById(id: unknown): void {
    const doc = this.getById(id);
    if (doc) this.delete(doc);
  }

  // False when an identical index already exists; E11000 if a unique index meets duplicates.
  createIndex(spec: IndexSpec): boolean {
    const sameKey = JSON.stringify(spec.key);
    const existing = this.specs.get(spec.name);
    if (existing) {
      if (JSON.stringify(existing.key) !== sameKey || !!existing.unique !== !!spec.unique) {
        throw commandError(
          'IndexKeySpecsConflict',
          `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
        );
      }
      return false;
    }
    const sameKeyIndex = this.indexes().find((other) => JSON.stringify(other.key) === sameKey);
    if (sameKeyIndex && !spec.partialFilterExpression && !sameKeyIndex.partialFilterExpression) {
      throw commandError(
        'IndexOptionsConflict',
        `Index already exists with a different name: ${sameKeyIndex.name}`,
      );
    }
    if (isHashable(spec)) {
      const index = new HashIndex(spec);
      for (const [id, doc] of this.docs) {
        const value = index.conflict(doc, id);
        if (value) throw this.duplicate(spec, value);
        index.add(doc, id);
      }
      this.hashed.set(spec.name, index);
    }
    this.specs.set(spec.name, spec);
    return true;
  }

  // Replay path: the index map is filled by rebuildIndexes().
  restoreIndex(spec: IndexSpec): void {
    this.specs.set(spec.name, spec);
    if (isHashable(spec)) this.hashed.set(spec.name, new HashIndex(spec));
  }

  dropIndex(name: string): void {
    if (name === ID_INDEX.name) throw commandError('InvalidOptions', 'cannot drop _id index');
    if (!this.specs.delete(name))
      throw commandError('IndexNotFound', `index not found with name [${name}]`);
    this.hashed.delete(name);
  }

  // Refills index maps after a replay; duplicates found in stored data are reported, not fatal.
  rebuildIndexes(): string[] {
    const problems: string[] = [];
    for (const [name, stale] of this.hashed) {
      const index = new HashIndex(stale.spec);
      for (const [id, doc] of this.docs) {
        if (index.conflict(doc, id)) problems.push(`${this.ns} index ${name} holds duplicate keys`);
        index.add(doc, id);
      }
      this.hashed.set(name, index);
    }
    return problems;
  }

  private put(doc: Doc): void {
    const id = valueKey(doc._id);
    this.docs.set(id, doc);
    for (const index of this.hashed.values()) index.add(doc, id);
  }

  private duplicate(spec: IndexSpec, keyValue: Doc) {
    return commandError(
      'DuplicateKey',
      `E11000 duplicate key error collection: ${this.ns} index: ${spec.name} dup key: ${formatKeyValue(keyValue)}`,
      { keyPattern: spec.key, keyValue },
    );
  }
}
