import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { FieldCipher } from '../common/crypto/field-cipher';
import { isDuplicateKey } from '../common/mongo-errors';
import { ContactsService, ContactView } from '../contacts/contacts.service';
import { ChannelType } from '../contacts/schemas/contact.schema';
import { DEFAULT_SMS_BUDGET, shapeSms } from '../channels/sms-text';
import { OutboxException, OutboxExceptionCode } from './outbox.exception';
import { OUTBOX_OPTIONS, OutboxOptions, WHATSAPP_WINDOW_MS } from './outbox.options';
import {
  OutboundKind,
  OutboundMessage,
  OutboundMessageDocument,
  OutboundStatus,
} from './schemas/outbound-message.schema';

export interface EnqueueInput {
  contactId: string;
  channel: ChannelType;
  text: string;
  kind: OutboundKind;
  idempotencyKey?: string;
  // A number other than the contact's own (e.g. a service provider).
  toPhone?: string;
}

export interface OutboundView {
  id: string;
  contactId: string;
  channel: ChannelType;
  kind: OutboundKind;
  text: string;
  part: number;
  parts: number;
  status: OutboundStatus;
  reason: string | null;
  attempts: number;
  errorCode: string | null;
  twilioSid: string | null;
  contentSid: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

// Callbacks can arrive out of order: a status never moves back to an earlier one.
const STATUS_RANK: Partial<Record<OutboundStatus, number>> = {
  queued: 0,
  sending: 1,
  sent: 2,
  undelivered: 3,
  failed: 3,
  delivered: 4,
};
const CALLBACK_STATUSES: Record<string, OutboundStatus> = {
  accepted: 'sent',
  queued: 'sent',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
};

interface Route {
  channel: ChannelType;
  contentSid: string | null;
  status: OutboundStatus;
  reason: string | null;
}

@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectModel(OutboundMessage.name) private readonly messages: Model<OutboundMessage>,
    private readonly contacts: ContactsService,
    private readonly cipher: FieldCipher,
    private readonly config: AppConfig,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxOptions,
  ) {}

  // Stores a message to send later. Same idempotencyKey → the same record, nothing new.
  async enqueue(msg: EnqueueInput): Promise<{ id: string; status: string }> {
    if (!msg.text.trim())
      throw new OutboxException(OutboxExceptionCode.EMPTY_MESSAGE, 'empty message');
    if (msg.idempotencyKey) {
      const existing = await this.messages
        .findOne({ idempotencyKey: `${msg.idempotencyKey}#1` })
        .exec();
      if (existing) return { id: existing._id.toString(), status: existing.status };
    }
    const contact = await this.contacts.findById(msg.contactId);
    if (!contact)
      throw new OutboxException(OutboxExceptionCode.INVALID_RECIPIENT, 'unknown contact');
    const toPhone = msg.toPhone ? this.contacts.normalise(msg.toPhone) : null;
    const toHash = this.cipher.blindIndex(toPhone ?? (await this.contacts.getPhone(contact.id)));
    const route = await this.route(msg, contact, toPhone);

    // SMS is shaped before it is stored: what is stored is exactly what leaves.
    const texts = route.channel === 'sms' ? shapeSms(msg.text, this.budget()) : [msg.text];
    const now = this.options.now();
    const docs = texts.map((text, i) => ({
      contactId: new Types.ObjectId(contact.id),
      channel: route.channel,
      kind: msg.kind,
      bodyEnc: this.cipher.encrypt(text),
      toPhoneEnc: toPhone ? this.cipher.encrypt(toPhone) : null,
      toHash,
      idempotencyKey: msg.idempotencyKey ? `${msg.idempotencyKey}#${i + 1}` : undefined,
      part: i + 1,
      parts: texts.length,
      contentSid: route.contentSid,
      status: route.status,
      reason: route.reason,
      // Parts leave in order: each one a little after the previous.
      nextAttemptAt: new Date(now.getTime() + i),
    }));
    try {
      const created = await this.messages.insertMany(docs, { ordered: true });
      this.logger.log(
        `outbound ${created[0]._id} for contact ${contact.id}: ${route.status} (${route.channel}, ${texts.length} part(s))`,
      );
      return { id: created[0]._id.toString(), status: route.status };
    } catch (error) {
      if (!isDuplicateKey(error) || !msg.idempotencyKey) throw error;
      const existing = await this.messages
        .findOne({ idempotencyKey: `${msg.idempotencyKey}#1` })
        .orFail()
        .exec();
      return { id: existing._id.toString(), status: existing.status };
    }
  }

  async listForContact(contactId: string): Promise<OutboundView[]> {
    if (!Types.ObjectId.isValid(contactId)) return [];
    const docs = await this.messages
      .find({ contactId: new Types.ObjectId(contactId) })
      .sort({ createdAt: 1, part: 1 })
      .exec();
    return docs.map((d) => this.view(d));
  }

  async findById(id: string): Promise<OutboundView | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.messages.findById(id).exec();
    return doc ? this.view(doc) : null;
  }

  // Twilio status callback. Unknown sids are ignored (another environment's message).
  async applyStatus(
    twilioSid: string,
    callbackStatus: string,
    errorCode?: string,
  ): Promise<boolean> {
    const status = CALLBACK_STATUSES[callbackStatus];
    if (!status) return false;
    const lowerRanks = (Object.keys(STATUS_RANK) as OutboundStatus[]).filter(
      (s) => STATUS_RANK[s]! < STATUS_RANK[status]!,
    );
    const updated = await this.messages
      .findOneAndUpdate(
        { twilioSid, status: { $in: [...lowerRanks, ...(status === 'sent' ? [] : [status])] } },
        { $set: { status, ...(errorCode ? { errorCode } : {}) } },
      )
      .exec();
    return updated !== null;
  }

  // The person wrote on WhatsApp again: messages held for the closed window may leave now.
  async releaseHeld(contactId: string): Promise<number> {
    const result = await this.messages
      .updateMany(
        { contactId: new Types.ObjectId(contactId), status: 'held', reason: 'whatsapp_window' },
        { $set: { status: 'queued', reason: null, nextAttemptAt: this.options.now() } },
      )
      .exec();
    return result.modifiedCount;
  }

  private async route(
    msg: EnqueueInput,
    contact: ContactView,
    toPhone: string | null,
  ): Promise<Route> {
    const route = (
      channel: ChannelType,
      status: OutboundStatus,
      reason: string | null,
      contentSid: string | null = null,
    ) => ({
      channel,
      status,
      reason,
      contentSid,
    });
    const ready: OutboundStatus = this.config.twilioConfigured ? 'queued' : 'sink';
    // Opt-out applies to whoever receives the message: the contact, or a provider who is also a contact.
    const recipient = toPhone ? await this.contacts.findByPhone(toPhone) : contact;
    if (recipient?.optedOut) return route(msg.channel, 'refused', 'opted_out');
    if (msg.channel === 'sms' || toPhone) return route(msg.channel, ready, null);

    const last = contact.channels.find((c) => c.type === 'whatsapp')?.lastInboundAt;
    const now = this.options.now().getTime();
    if (last && now - last.getTime() < WHATSAPP_WINDOW_MS) return route('whatsapp', ready, null);
    if (this.config.whatsappTemplateSid)
      return route('whatsapp', ready, null, this.config.whatsappTemplateSid);
    if (contact.channels.some((c) => c.type === 'sms'))
      return route('sms', ready, 'whatsapp_window');
    return route('whatsapp', 'held', 'whatsapp_window');
  }

  private budget(): number {
    return this.config.smsSegmentBudget || DEFAULT_SMS_BUDGET;
  }

  private view(doc: OutboundMessageDocument): OutboundView {
    return {
      id: doc._id.toString(),
      contactId: doc.contactId.toString(),
      channel: doc.channel,
      kind: doc.kind,
      text: this.cipher.decrypt(doc.bodyEnc),
      part: doc.part,
      parts: doc.parts,
      status: doc.status,
      reason: doc.reason,
      attempts: doc.attempts,
      errorCode: doc.errorCode,
      twilioSid: doc.twilioSid,
      contentSid: doc.contentSid,
      createdAt: doc.createdAt,
      sentAt: doc.sentAt,
    };
  }
}
