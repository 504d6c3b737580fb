import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, Types } from 'mongoose';
import { AuditActor, AuditService } from '../audit/audit.service';
import { FieldCipher } from '../common/crypto/field-cipher';
import { AppConfig } from '../config/app-config';
import { ContactsService } from '../contacts/contacts.service';
import { PrivacyException, PrivacyExceptionCode } from './privacy.exception';
import { SEALED_FIELDS, SealedField } from './sealed-fields';

const DAY_MS = 24 * 60 * 60 * 1000;

export const RETENTION_ACTOR: AuditActor = { id: 'system', email: 'system' };

export interface ErasureReport {
  contactId: string;
  // The id the person's anonymous statistics (referrals, tickets) now carry instead of theirs.
  anonymousId: string;
  deleted: Record<string, number>;
  anonymized: Record<string, number>;
}

export interface RotationReport {
  keyId: string;
  // collection.path → values re-encrypted with the current key
  rotated: Record<string, number>;
  // contacts whose phone blind index was recomputed with the configured blind-index key
  rehashed: number;
  // values another writer changed while we read them: run the command again
  skipped: number;
}

type Doc = Record<string, unknown> & { _id: unknown };

// Right to erasure, retention and key rotation. These sweep every collection that holds personal
// data, so they work on the raw collections (listed in sealed-fields.ts and below) rather than
// through each feature's service: erasure must not miss a copy because a service forgot one.
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly contacts: ContactsService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async eraseByPhone(rawPhone: string, actor: AuditActor): Promise<ErasureReport> {
    const contact = await this.contacts.findByPhone(rawPhone);
    if (!contact)
      throw new PrivacyException(
        PrivacyExceptionCode.CONTACT_NOT_FOUND,
        'no contact with this number',
      );
    return this.eraseContact(contact.id, actor, 'contact.erase');
  }

  // Deletes what identifies the person (contact, message bodies, bot state, transcripts, notes) and
  // re-labels what statistics count (referrals, tickets) with a fresh anonymous id. Idempotent; the
  // instance that deletes the contact record writes the audit entry.
  async eraseContact(
    contactId: string,
    actor: AuditActor,
    action = 'contact.erase',
  ): Promise<ErasureReport> {
    const db = this.connection.db!;
    const oid = new Types.ObjectId(contactId);
    const anonymousId = new Types.ObjectId().toHexString();
    const contact = await db.collection('contacts').findOne({ _id: oid });
    const phoneHash = typeof contact?.phoneHash === 'string' ? contact.phoneHash : null;
    const deleted: Record<string, number> = {};
    const anonymized: Record<string, number> = {};

    deleted.inbound_messages = (
      await db.collection('inbound_messages').deleteMany({ contactId: oid })
    ).deletedCount;
    deleted.outbound_messages = (
      await db.collection('outbound_messages').deleteMany({ contactId: oid })
    ).deletedCount;
    // botbuilder keys embed the contact id: <channel>/conversations/<channel>:<id>, .../users/<id>.
    deleted.bot_state = (
      await db
        .collection<{ _id: string }>('bot_state')
        .deleteMany({ _id: { $regex: `${oid.toHexString()}$` } })
    ).deletedCount;
    if (phoneHash) {
      deleted.outbound_pacing = (
        await db.collection('outbound_pacing').deleteMany({ toHash: phoneHash })
      ).deletedCount;
    }
    anonymized.handoffs = (
      await db
        .collection('handoffs')
        .updateMany(
          { contactId },
          { $set: { contactId: anonymousId, transcript: [], note: null, place: null } },
        )
    ).modifiedCount;
    anonymized.referrals = (
      await db
        .collection('referrals')
        .updateMany({ contactId }, { $set: { contactId: anonymousId } })
    ).modifiedCount;
    deleted.contacts = (await db.collection('contacts').deleteOne({ _id: oid })).deletedCount;
    if (deleted.contacts)
      await this.audit.record(actor, action, { type: 'contact', id: contactId });
    this.logger.log(`contact ${contactId} erased (${action})`);
    return { contactId, anonymousId, deleted, anonymized };
  }

  // People whose last message (or first contact, if they never wrote) is older than RETENTION_DAYS.
  async purgeExpired(now = new Date()): Promise<string[]> {
    const cutoff = new Date(now.getTime() - this.config.retentionDays * DAY_MS);
    const expired = await this.connection
      .db!.collection('contacts')
      .find(
        {
          $or: [
            { lastInboundAt: { $lt: cutoff } },
            { lastInboundAt: null, createdAt: { $lt: cutoff } },
          ],
        },
        { projection: { _id: 1 } },
      )
      .toArray();
    const erased: string[] = [];
    for (const { _id } of expired) {
      const report = await this.eraseContact(
        String(_id),
        RETENTION_ACTOR,
        'contact.retention_purge',
      );
      if (report.deleted.contacts) erased.push(report.contactId);
    }
    if (erased.length)
      this.logger.log(
        `retention purge: ${erased.length} contact(s) past ${this.config.retentionDays} days`,
      );
    return erased;
  }

  // Re-encrypts every sealed value not under the current key. Each write is conditional on the value
  // read, so a concurrent writer wins and the value is counted as skipped (it is already current).
  async rotateKeys(): Promise<RotationReport> {
    const keyId = this.config.encryptionKeyId;
    const report: RotationReport = { keyId, rotated: {}, rehashed: 0, skipped: 0 };
    for (const field of SEALED_FIELDS) {
      const { rotated, skipped } = await this.rotateField(field, keyId);
      report.rotated[`${field.collection}.${field.path}`] = rotated;
      report.skipped += skipped;
    }
    const { rehashed, skipped } = await this.rehashPhones();
    report.rehashed = rehashed;
    report.skipped += skipped;
    return report;
  }

  // The blind index key derives from the oldest key listed (AppConfig): once the old key is dropped
  // from ENCRYPTION_KEY, phone lookups need every phoneHash recomputed. Run with the service stopped,
  // or a person writing in between gets a second contact (see README-operating, key rotation).
  private async rehashPhones(): Promise<{ rehashed: number; skipped: number }> {
    const contacts = this.connection.db!.collection('contacts');
    let rehashed = 0;
    let skipped = 0;
    for await (const doc of contacts.find({}, { projection: { phoneEnc: 1, phoneHash: 1 } })) {
      const hash = this.cipher.blindIndex(this.cipher.decrypt(String(doc.phoneEnc)));
      if (hash === doc.phoneHash) continue;
      try {
        const result = await contacts.updateOne(
          { _id: doc._id, phoneHash: doc.phoneHash },
          { $set: { phoneHash: hash } },
        );
        if (result.modifiedCount) rehashed++;
        else skipped++;
      } catch (error) {
        // A contact created under the new index in the meantime: left for an operator to merge.
        this.logger.error(`contact ${String(doc._id)} not rehashed: ${(error as Error).message}`);
        skipped++;
      }
    }
    return { rehashed, skipped };
  }

  private async rotateField(
    field: SealedField,
    keyId: string,
  ): Promise<{ rotated: number; skipped: number }> {
    const collection = this.connection.db!.collection<Doc>(field.collection);
    const [arrayPath, subPath] = field.path.split('[].');
    const stale = (value: unknown): value is string =>
      typeof value === 'string' &&
      this.cipher.keyIdOf(value) !== null &&
      this.cipher.keyIdOf(value) !== keyId;
    let rotated = 0;
    let skipped = 0;
    const cursor = collection.find({}, { projection: { [arrayPath]: 1 } });
    for await (const doc of cursor) {
      const sets: Record<string, string> = {};
      const expect: Record<string, string> = {};
      if (subPath) {
        const items = Array.isArray(doc[arrayPath])
          ? (doc[arrayPath] as Record<string, unknown>[])
          : [];
        items.forEach((item, i) => {
          const value = item?.[subPath];
          if (!stale(value)) return;
          sets[`${arrayPath}.${i}.${subPath}`] = this.cipher.encrypt(this.cipher.decrypt(value));
          expect[`${arrayPath}.${i}.${subPath}`] = value;
        });
      } else {
        const value = doc[arrayPath];
        if (stale(value)) {
          sets[arrayPath] = this.cipher.encrypt(this.cipher.decrypt(value));
          expect[arrayPath] = value;
        }
      }
      const count = Object.keys(sets).length;
      if (!count) continue;
      const result = await collection.updateOne({ _id: doc._id, ...expect }, { $set: sets });
      if (result.modifiedCount) rotated += count;
      else skipped += count;
    }
    return { rotated, skipped };
  }
}
