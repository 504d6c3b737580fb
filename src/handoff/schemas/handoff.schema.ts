import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { NEED_CODES, NeedCode } from '../../common/needs';
import { LANGS, Lang } from '../../common/i18n/lang';

export const HANDOFF_STATUSES = ['waiting', 'claimed', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export const HANDOFF_REASONS = [
  'requested',
  'crisis',
  'not_understood',
  'follow_up',
  'media',
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export const HANDOFF_OUTCOMES = [
  'resolved',
  'referred',
  'unreachable',
  'no_action',
  'other',
] as const;
export type HandoffOutcome = (typeof HANDOFF_OUTCOMES)[number];

export type HandoffChannel = 'sms' | 'whatsapp';
export type TranscriptAuthor = 'person' | 'bot' | 'caseworker';

// Lower sorts first: urgent, then vulnerable, then everyone else.
export const PRIORITY = { urgent: 0, vulnerable: 1, normal: 2 } as const;

@Schema({ _id: false })
export class TranscriptEntry {
  @Prop({ required: true })
  at!: Date;

  @Prop({ required: true, enum: ['person', 'bot', 'caseworker'], type: String })
  from!: TranscriptAuthor;

  // FieldCipher output, never clear text.
  @Prop({ required: true })
  text!: string;

  @Prop()
  by?: string;

  @Prop()
  messageSid?: string;

  @Prop()
  outboxId?: string;

  @Prop()
  deliveryStatus?: string;
}
const TranscriptEntrySchema = SchemaFactory.createForClass(TranscriptEntry);

@Schema({ _id: false })
export class Actor {
  @Prop({ required: true })
  id!: string;

  @Prop({ required: true })
  email!: string;
}
const ActorSchema = SchemaFactory.createForClass(Actor);

@Schema({ collection: 'handoffs', timestamps: true })
export class Handoff {
  @Prop({ required: true, index: true })
  contactId!: string;

  @Prop({ required: true, enum: ['sms', 'whatsapp'], type: String })
  channel!: HandoffChannel;

  @Prop({ required: true, enum: LANGS, type: String })
  language!: Lang;

  @Prop({ required: true, enum: HANDOFF_REASONS, type: String })
  reason!: HandoffReason;

  @Prop({ default: false })
  urgent!: boolean;

  @Prop({ default: false })
  vulnerable!: boolean;

  @Prop({ required: true })
  priority!: number;

  @Prop({ type: [String], enum: NEED_CODES, default: [] })
  needs!: NeedCode[];

  @Prop({ type: String, default: null })
  region!: string | null;

  @Prop({ type: String, default: null })
  place!: string | null;

  @Prop({ required: true, enum: HANDOFF_STATUSES, type: String, default: 'waiting' })
  status!: HandoffStatus;

  // True while waiting or claimed; a partial unique index keeps one open ticket per person.
  @Prop({ required: true, default: true })
  open!: boolean;

  @Prop({ type: String })
  idempotencyKey?: string;

  @Prop({ required: true })
  openedAt!: Date;

  @Prop({ type: ActorSchema, default: null })
  claimedBy!: Actor | null;

  @Prop({ type: Date, default: null })
  claimedAt!: Date | null;

  @Prop({ type: Date, default: null })
  firstHumanReplyAt!: Date | null;

  @Prop({ default: false })
  notifiedWaiting!: boolean;

  @Prop({ default: false })
  escalated!: boolean;

  @Prop({ type: Date, default: null })
  escalatedAt!: Date | null;

  @Prop({ type: [TranscriptEntrySchema], default: [] })
  transcript!: TranscriptEntry[];

  // Kept beside the transcript so the queue list never loads it.
  @Prop({ default: 0 })
  messageCount!: number;

  @Prop({ type: Date, default: null })
  lastMessageAt!: Date | null;

  @Prop({ type: String, enum: HANDOFF_OUTCOMES, default: null })
  outcome!: HandoffOutcome | null;

  // Encrypted: a caseworker's note can carry the person's story.
  @Prop({ type: String, default: null })
  note!: string | null;

  @Prop({ type: Date, default: null })
  closedAt!: Date | null;

  @Prop({ type: ActorSchema, default: null })
  closedBy!: Actor | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export type HandoffDocument = HydratedDocument<Handoff>;
export const HandoffSchema = SchemaFactory.createForClass(Handoff);
HandoffSchema.index(
  { idempotencyKey: 1 },
  { unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } } },
);
HandoffSchema.index(
  { contactId: 1 },
  { unique: true, partialFilterExpression: { open: true }, name: 'one_open_per_contact' },
);
HandoffSchema.index({ status: 1, priority: 1, openedAt: 1 });
