import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted } from 'mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { DirectorySnapshot, Entity, EntityRecords, ENTITIES } from './hsds/hsds.types';
import { DirectoryState } from './schemas/directory-state.schema';
import { Location } from './schemas/location.schema';
import { Organization } from './schemas/organization.schema';
import { Phone } from './schemas/phone.schema';
import { Schedule } from './schemas/schedule.schema';
import { ServiceAtLocation } from './schemas/service-at-location.schema';
import { Service } from './schemas/service.schema';

const STATE_ID = 'directory';
const CHUNK = 500;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

type StoredRecord = { _id: string };

// What this process wrote since the last change-counter bump, so its own index can be patched
// instead of read back from the database.
export interface DirectoryDelta {
  upserted: { [E in Entity]?: EntityRecords[E][] };
  removed: { [E in Entity]?: string[] };
}

export interface DirectoryChange {
  version: number;
  delta: DirectoryDelta;
}

type Listener = (change: DirectoryChange) => void | Promise<void>;

const emptyDelta = (): DirectoryDelta => ({ upserted: {}, removed: {} });

// The directory's collections: bulk idempotent upserts by HSDS id, whole-directory reads for the
// in-memory index, and the change counter every instance watches.
@Injectable()
export class DirectoryStore {
  private readonly models: { [E in Entity]: Model<EntityRecords[E]> };
  private readonly listeners: Listener[] = [];
  private pending = emptyDelta();

  constructor(
    @InjectModel(Organization.name) organizations: Model<EntityRecords['organizations']>,
    @InjectModel(Location.name) locations: Model<EntityRecords['locations']>,
    @InjectModel(Service.name) services: Model<EntityRecords['services']>,
    @InjectModel(ServiceAtLocation.name)
    serviceAtLocations: Model<EntityRecords['service_at_locations']>,
    @InjectModel(Phone.name) phones: Model<EntityRecords['phones']>,
    @InjectModel(Schedule.name) schedules: Model<EntityRecords['schedules']>,
    @InjectModel(DirectoryState.name) private readonly state: Model<DirectoryState>,
  ) {
    this.models = {
      organizations,
      locations,
      services,
      service_at_locations: serviceAtLocations,
      phones,
      schedules,
    };
  }

  model<E extends Entity>(entity: E): Model<EntityRecords[E]> {
    return this.models[entity];
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  async snapshot(): Promise<DirectorySnapshot> {
    const tables = await Promise.all(ENTITIES.map((e) => this.all(e)));
    return Object.fromEntries(
      ENTITIES.map((e, i) => [e, tables[i]]),
    ) as unknown as DirectorySnapshot;
  }

  async all<E extends Entity>(entity: E): Promise<EntityRecords[E][]> {
    return (await this.model(entity).find({}).lean().exec()) as unknown as EntityRecords[E][];
  }

  async count(entity: Entity): Promise<number> {
    return this.model(entity).countDocuments({}).exec();
  }

  async findById<E extends Entity>(entity: E, id: string): Promise<EntityRecords[E] | null> {
    return (await this.model(entity)
      .findOne({ _id: id })
      .setOptions({ sanitizeFilter: true })
      .lean()
      .exec()) as EntityRecords[E] | null;
  }

  async existingIds(entity: Entity, ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const docs = await this.model(entity)
        .find({ _id: trusted({ $in: ids.slice(i, i + CHUNK) }) }, { _id: 1 })
        .setOptions({ sanitizeFilter: true })
        .lean()
        .exec();
      for (const doc of docs) found.add(String(doc._id));
    }
    return found;
  }

  // Writes only records that differ from what is stored, so a re-import changes nothing.
  async upsert<E extends Entity>(
    entity: E,
    records: EntityRecords[E][],
    onChunk?: (n: number) => void,
  ): Promise<UpsertCounts> {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const model = this.model(entity) as unknown as Model<StoredRecord>;
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      const existing = await model
        .find({ _id: trusted({ $in: chunk.map((r) => r._id) }) })
        .setOptions({ sanitizeFilter: true })
        .lean()
        .exec();
      const stored = new Map(existing.map((doc) => [String(doc._id), canonical(doc)]));
      const ops: AnyBulkWriteOperation<StoredRecord>[] = [];
      const changed: EntityRecords[E][] = [];
      for (const record of chunk) {
        const before = stored.get(record._id);
        if (before === canonical(record)) {
          counts.unchanged++;
          continue;
        }
        if (before === undefined) counts.inserted++;
        else counts.updated++;
        ops.push({
          replaceOne: { filter: { _id: record._id }, replacement: record, upsert: true },
        });
        changed.push(record);
      }
      if (ops.length) {
        await model.bulkWrite(ops, { ordered: false });
        ((this.pending.upserted[entity] ??= []) as EntityRecords[E][]).push(...changed);
      }
      onChunk?.(chunk.length);
    }
    return counts;
  }

  async remove(entity: Entity, id: string): Promise<boolean> {
    const result = await this.model(entity)
      .deleteOne({ _id: id })
      .setOptions({ sanitizeFilter: true })
      .exec();
    if (result.deletedCount > 0) (this.pending.removed[entity] ??= []).push(id);
    return result.deletedCount > 0;
  }

  async removeWhere(entity: Entity, field: string, values: string[]): Promise<number> {
    if (!values.length) return 0;
    const docs = await this.model(entity)
      .find({ [field]: trusted({ $in: values }) }, { _id: 1 })
      .setOptions({ sanitizeFilter: true })
      .lean()
      .exec();
    const ids = docs.map((d) => String(d._id));
    if (!ids.length) return 0;
    await this.model(entity)
      .deleteMany({ _id: trusted({ $in: ids }) })
      .setOptions({ sanitizeFilter: true })
      .exec();
    (this.pending.removed[entity] ??= []).push(...ids);
    return ids.length;
  }

  async idsWhere(entity: Entity, field: string, value: string): Promise<string[]> {
    const docs = await this.model(entity)
      .find({ [field]: value }, { _id: 1 })
      .setOptions({ sanitizeFilter: true })
      .lean()
      .exec();
    return docs.map((d) => String(d._id));
  }

  async version(): Promise<number> {
    const doc = await this.state.findOne({ _id: STATE_ID }).lean().exec();
    return doc?.version ?? 0;
  }

  // Every write ends here: other instances see the new version and reload their index.
  async changed(): Promise<number> {
    const doc = await this.state
      .findOneAndUpdate(
        { _id: STATE_ID },
        { $inc: { version: 1 }, $set: { changedAt: new Date() } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean()
      .exec();
    const change = { version: doc?.version ?? 0, delta: this.pending };
    this.pending = emptyDelta();
    for (const listener of this.listeners) await listener(change);
    return change.version;
  }
}

// Key order and absent-vs-undefined do not matter when comparing a record with a stored document.
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}
