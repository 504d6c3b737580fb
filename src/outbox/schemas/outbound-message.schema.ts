import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { CHANNEL_TYPES, ChannelType } from '../../contacts/schemas/contact.schema';

export const OUTBOUND_KINDS = ['caseworker', 'followup', 'reminder', 'provider', 'system'] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

// queued → sending → sent → (Twilio callbacks) delivered | undelivered | failed.
// refused: opted out; held: WhatsApp window closed and no other way; sink: Twilio not configured.
export const OUTBOUND_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'refused',
  'held',
  'sink',
] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

@Schema({ collection: 'outbound_messages', timestamps: { createdAt: true, updatedAt: true } })
export class OutboundMessage {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  contactId!: Types.ObjectId;

  @Prop({ required: true, enum: CHANNEL_TYPES, type: String })
  channel!: ChannelType;

  @Prop({ required: true, enum: OUTBOUND_KINDS, type: String })
  kind!: OutboundKind;

  // Sealed: caseworker messages carry personal details.
  @Prop({ required: true })
  bodyEnc!: string;

  // Set when sending to someone other than the contact (a provider); sealed.
  @Prop({ type: String, default: null })
  toPhoneEnc!: string | null;

  // Blind index of the recipient's number: per-number pacing and opt-out checks.
  @Prop({ required: true, index: true })
  toHash!: string;

  // Unique per part: "<key>#<part>" so a retried enqueue creates nothing new.
  @Prop({ type: String, unique: true, sparse: true })
  idempotencyKey?: string;

  @Prop({ type: Number, default: 1 })
  part!: number;

  @Prop({ type: Number, default: 1 })
  parts!: number;

  // WhatsApp template used outside the 24 h window.
  @Prop({ type: String, default: null })
  contentSid!: string | null;

  @Prop({ required: true, enum: OUTBOUND_STATUSES, type: String, index: true })
  status!: OutboundStatus;

  @Prop({ type: String, default: null })
  reason!: string | null;

  @Prop({ type: Number, default: 0 })
  attempts!: number;

  @Prop({ type: Date, default: () => new Date(), index: true })
  nextAttemptAt!: Date;

  @Prop({ type: Date, default: null })
  leaseUntil!: Date | null;

  @Prop({ type: String, default: null })
  twilioSid!: string | null;

  @Prop({ type: String, default: null })
  errorCode!: string | null;

  @Prop({ type: Date, default: null })
  sentAt!: Date | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export type OutboundMessageDocument = HydratedDocument<OutboundMessage>;
export const OutboundMessageSchema = SchemaFactory.createForClass(OutboundMessage);
OutboundMessageSchema.index(
  { twilioSid: 1 },
  { unique: true, partialFilterExpression: { twilioSid: { $type: 'string' } } },
);
