import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Storage, StoreItems } from 'botbuilder';
import { Model } from 'mongoose';
import { FieldCipher } from '../common/crypto/field-cipher';
import { isDuplicateKey } from '../common/mongo-errors';
import { AppConfig } from '../config/app-config';
import { BotException, BotExceptionCode } from './bot.exception';
import { BotStateRecord } from './schemas/bot-state.schema';

interface StoredRecord {
  _id: string;
  data: string;
  eTag: string;
}

interface ReadBatch {
  keys: Set<string>;
  records: Promise<StoredRecord[]>;
}

// botbuilder Storage on mongoose with optimistic concurrency:
// - eTag "*": unconditional write (create or replace);
// - no eTag: create only (a second first-write for the same key is a conflict, not a silent overwrite);
// - any other eTag: replace only if the stored item still carries that eTag.
// On success the written item gets its new eTag, so a second save in the same turn works.
@Injectable()
export class MongoStorage implements Storage, OnModuleInit {
  private readonly logger = new Logger(MongoStorage.name);
  private batch: ReadBatch | null = null;

  constructor(
    @InjectModel(BotStateRecord.name) private readonly model: Model<BotStateRecord>,
    private readonly cipher: FieldCipher,
    private readonly config: AppConfig,
  ) {}

  // State nobody touched for RETENTION_DAYS goes, like the rest of a person's data.
  async onModuleInit(): Promise<void> {
    const expireAfterSeconds = this.config.retentionDays * 24 * 60 * 60;
    try {
      await this.model.collection.createIndex(
        { updatedAt: 1 },
        { name: 'retention', expireAfterSeconds },
      );
    } catch (error) {
      this.logger.warn(`bot_state retention index not changed: ${(error as Error).message}`);
    }
  }

  // Reads asked for in the same tick (turns of several people arriving together) share one find;
  // each caller still gets its own decrypted copies.
  read(keys: string[]): Promise<StoreItems> {
    if (!keys.length) return Promise.resolve({});
    if (!this.batch) {
      const batch: ReadBatch = { keys: new Set(), records: Promise.resolve([]) };
      batch.records = new Promise((resolve) => process.nextTick(resolve)).then(() => {
        this.batch = null;
        return this.model
          .find({ _id: { $in: [...batch.keys] } })
          .lean<StoredRecord[]>()
          .exec();
      });
      this.batch = batch;
    }
    keys.forEach((key) => this.batch?.keys.add(key));
    return this.batch.records.then((records) => {
      const wanted = new Set(keys);
      const items: StoreItems = {};
      for (const record of records) {
        if (!wanted.has(record._id)) continue;
        items[record._id] = { ...JSON.parse(this.cipher.decrypt(record.data)), eTag: record.eTag };
      }
      return items;
    });
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes) as [string, Record<string, unknown>][]) {
      const { eTag, ...state } = item;
      const data = this.cipher.encrypt(JSON.stringify(state));
      const next = randomUUID();
      if (eTag === '*') {
        await this.model
          .updateOne({ _id: key }, { $set: { data, eTag: next } }, { upsert: true })
          .exec();
      } else if (!eTag) {
        await this.create(key, data, next);
      } else {
        const result = await this.model
          .updateOne({ _id: key, eTag }, { $set: { data, eTag: next } })
          .exec();
        if (result.matchedCount === 0) throw conflict(key);
      }
      item.eTag = next;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.model.deleteMany({ _id: { $in: keys } }).exec();
  }

  private async create(key: string, data: string, eTag: string): Promise<void> {
    try {
      await this.model.create({ _id: key, data, eTag });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(key);
      throw error;
    }
  }
}

function conflict(key: string): BotException {
  return new BotException(
    BotExceptionCode.ETAG_CONFLICT,
    `bot state "${key}" was changed by another turn`,
  );
}
