import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { FieldCipher } from '../common/crypto/field-cipher';
import { Lang } from '../common/i18n/lang';
import { isDuplicateKey } from '../common/mongo-errors';
import { ContactsException, ContactsExceptionCode } from './contacts.exception';
import { toE164 } from './phone';
import { ChannelType, Contact, ContactChannel } from './schemas/contact.schema';

// Contacts are read as plain objects: nothing here saves a hydrated document back.
type ContactRecord = Contact & { _id: Types.ObjectId };

// What other modules see of a person: never the phone (ask getPhone for it, when sending).
export interface ContactView {
  id: string;
  channels: ContactChannel[];
  language: Lang | null;
  optedOut: boolean;
  optedOutAt: Date | null;
  lastInboundAt: Date | null;
  // Non-null: a caseworker ticket may be open (see Contact.ticketHint); null: none is.
  ticketHint: string | null;
  createdAt: Date;
}

// A ticket hint older than this with no open ticket behind it is stale.
const STALE_TICKET_HINT_MS = 60_000;

// The person of an inbound message, and when they wrote before it: null if never, absent if not
// known (a channel added to a known person).
export interface InboundContact {
  contact: ContactView;
  previousInboundAt?: Date | null;
}

// The person of the inbound turn running in this async context, while nothing changed them.
interface TurnContact {
  view: ContactView | null;
}

@Injectable()
export class ContactsService {
  private readonly turnContact = new AsyncLocalStorage<TurnContact>();

  constructor(
    @InjectModel(Contact.name) private readonly contacts: Model<Contact>,
    private readonly cipher: FieldCipher,
  ) {}

  // One contact per number, whatever the channel; adds the channel the first time it is seen.
  async upsertByPhone(rawPhone: string, channel: ChannelType): Promise<ContactView> {
    return (await this.upsert(rawPhone, channel)).contact;
  }

  // A message came in: its person, found or created (upsertByPhone), with its time recorded in the
  // same round trip (one for a known number and channel, two for a new number or channel).
  recordInbound(rawPhone: string, channel: ChannelType, at: Date): Promise<InboundContact> {
    return this.upsert(rawPhone, channel, at);
  }

  private async upsert(rawPhone: string, channel: ChannelType, at?: Date): Promise<InboundContact> {
    const phone = this.normalise(rawPhone);
    const phoneHash = this.cipher.blindIndex(phone);
    const seen = at ? { lastInboundAt: at } : {};
    for (let attempt = 1; ; attempt++) {
      const known = { phoneHash, 'channels.type': channel };
      // Read as it was before this message, which then goes into the view.
      const before = at
        ? await this.contacts
            .findOneAndUpdate(
              known,
              { $set: { 'channels.$.lastInboundAt': at, ...seen } },
              { returnDocument: 'before' },
            )
            .lean<ContactRecord>()
            .exec()
        : await this.contacts.findOne(known).lean<ContactRecord>().exec();
      if (before) {
        const contact = this.view(before);
        if (at) {
          contact.lastInboundAt = at;
          contact.channels.filter((c) => c.type === channel).forEach((c) => (c.lastInboundAt = at));
        }
        return { contact, previousInboundAt: before.lastInboundAt ?? null };
      }
      try {
        const added = await this.contacts
          .findOneAndUpdate(
            { phoneHash, 'channels.type': { $ne: channel } },
            {
              $push: {
                channels: {
                  type: channel,
                  lastInboundAt: at ?? null,
                  optedOut: false,
                  optedOutAt: null,
                },
              },
              $set: seen,
              $setOnInsert: { phoneEnc: this.cipher.encrypt(phone) },
            },
            { upsert: true, returnDocument: 'after' },
          )
          .orFail()
          .lean<ContactRecord>()
          .exec();
        // A contact always has a channel: one with only this one was created just now.
        const created = added.channels.length === 1;
        return { contact: this.view(added), ...(created ? { previousInboundAt: null } : {}) };
      } catch (error) {
        // Two first messages at once: the other request created the contact (or added the channel).
        if (!isDuplicateKey(error) || attempt >= 3) throw error;
      }
    }
  }

  // Runs an inbound turn with its person already read: findById of them within it (the outbox
  // queueing a message) costs no round trip, until this service changes them and it reads again.
  duringTurnOf<T>(contact: ContactView, run: () => Promise<T>): Promise<T> {
    return this.turnContact.run({ view: contact }, run);
  }

  async findById(id: string): Promise<ContactView | null> {
    const known = this.turnContact.getStore()?.view;
    if (known?.id === id) return known;
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.contacts.findById(id).lean<ContactRecord>().exec();
    return doc ? this.view(doc) : null;
  }

  async findByPhone(rawPhone: string): Promise<ContactView | null> {
    const phone = toE164(rawPhone);
    if (!phone) return null;
    const doc = await this.contacts
      .findOne({ phoneHash: this.cipher.blindIndex(phone) })
      .lean<ContactRecord>()
      .exec();
    return doc ? this.view(doc) : null;
  }

  // E.164, decrypted: only for sending.
  async getPhone(id: string): Promise<string> {
    return this.cipher.decrypt((await this.load(id)).phoneEnc);
  }

  async setLanguage(id: string, lang: Lang): Promise<void> {
    this.changed(id);
    await this.contacts.updateOne({ _id: id }, { $set: { language: lang } }).exec();
  }

  async isOptedOut(id: string): Promise<boolean> {
    return (await this.load(id)).optedOut;
  }

  async lastInboundAt(id: string, channel: ChannelType): Promise<Date | null> {
    const doc = await this.load(id);
    return doc.channels.find((c) => c.type === channel)?.lastInboundAt ?? null;
  }

  // Before a ticket is opened: from now on turns look for it.
  async markTicketHint(id: string, ticketId: string): Promise<void> {
    this.changed(id);
    if (!Types.ObjectId.isValid(id)) return;
    await this.contacts
      .updateOne({ _id: id }, { $set: { ticketHint: ticketId, ticketHintAt: new Date() } })
      .exec();
  }

  // Tickets open before hints existed: their people get one (people who have one keep it).
  async markTicketHints(tickets: { contactId: string; ticketId: string }[]): Promise<void> {
    const at = new Date();
    const updates = tickets
      .filter((ticket) => Types.ObjectId.isValid(ticket.contactId))
      .map((ticket) => ({
        updateOne: {
          filter: { _id: new Types.ObjectId(ticket.contactId), ticketHint: null },
          update: { $set: { ticketHint: ticket.ticketId, ticketHintAt: at } },
        },
      }));
    if (updates.length) await this.contacts.bulkWrite(updates, { ordered: false });
  }

  // After a ticket is closed; a hint set meanwhile for another ticket stays.
  async clearTicketHint(id: string, ticketId: string): Promise<void> {
    this.changed(id);
    if (!Types.ObjectId.isValid(id)) return;
    await this.contacts
      .updateOne(
        { _id: id, ticketHint: ticketId },
        { $set: { ticketHint: null, ticketHintAt: null } },
      )
      .exec();
  }

  // A lookup found no open ticket: a hint old enough to be no ticket being opened right now goes.
  async dropStaleTicketHint(id: string): Promise<void> {
    this.changed(id);
    if (!Types.ObjectId.isValid(id)) return;
    await this.contacts
      .updateOne(
        { _id: id, ticketHintAt: { $lt: new Date(Date.now() - STALE_TICKET_HINT_MS) } },
        { $set: { ticketHint: null, ticketHintAt: null } },
      )
      .exec();
  }

  // Atomic, so two STOPs at once confirm only once. Returns whether this call changed anything.
  async optOut(id: string, channel: ChannelType, at: Date): Promise<boolean> {
    this.changed(id);
    const doc = await this.load(id);
    const index = doc.channels.findIndex((c) => c.type === channel);
    const channelFields =
      index < 0
        ? {}
        : { [`channels.${index}.optedOut`]: true, [`channels.${index}.optedOutAt`]: at };
    const updated = await this.contacts
      .findOneAndUpdate(
        { _id: id, optedOut: { $ne: true } },
        { $set: { optedOut: true, optedOutAt: at, ...channelFields } },
      )
      .exec();
    return updated !== null;
  }

  async optIn(id: string): Promise<boolean> {
    this.changed(id);
    const doc = await this.load(id);
    const channelFields = Object.fromEntries(
      doc.channels.flatMap((_, i) => [
        [`channels.${i}.optedOut`, false],
        [`channels.${i}.optedOutAt`, null],
      ]),
    );
    const updated = await this.contacts
      .findOneAndUpdate(
        { _id: id, optedOut: true },
        { $set: { optedOut: false, optedOutAt: null, ...channelFields } },
      )
      .exec();
    return updated !== null;
  }

  normalise(rawPhone: string): string {
    const phone = toE164(rawPhone);
    if (!phone)
      throw new ContactsException(ContactsExceptionCode.INVALID_PHONE, 'not a phone number');
    return phone;
  }

  // The turn's view of this person is stale from now on.
  private changed(id: string): void {
    const turn = this.turnContact.getStore();
    if (turn?.view?.id === id) turn.view = null;
  }

  private async load(id: string): Promise<ContactRecord> {
    const doc = Types.ObjectId.isValid(id)
      ? await this.contacts.findById(id).lean<ContactRecord>().exec()
      : null;
    if (!doc) throw new ContactsException(ContactsExceptionCode.NOT_FOUND, 'contact not found');
    return doc;
  }

  // Defaults as the schema gives them: a plain read of an older record may lack a field.
  private view(doc: ContactRecord): ContactView {
    return {
      id: doc._id.toString(),
      channels: (doc.channels ?? []).map((c) => ({
        type: c.type,
        lastInboundAt: c.lastInboundAt ?? null,
        optedOut: c.optedOut ?? false,
        optedOutAt: c.optedOutAt ?? null,
      })),
      language: doc.language ?? null,
      optedOut: doc.optedOut ?? false,
      optedOutAt: doc.optedOutAt ?? null,
      lastInboundAt: doc.lastInboundAt ?? null,
      ticketHint: doc.ticketHint ?? null,
      createdAt: doc.createdAt,
    };
  }
}
