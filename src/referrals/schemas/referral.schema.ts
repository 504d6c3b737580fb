import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { LANGS, Lang } from '../../common/i18n/lang';
import { NEED_CODES, NeedCode } from '../../common/needs';
import { REFERRAL_STATUSES, ReferralStatus } from '../referral-status';

@Schema({ _id: false })
export class StatusChange {
  @Prop({ required: true, enum: REFERRAL_STATUSES, type: String })
  status!: ReferralStatus;

  @Prop({ required: true })
  at!: Date;

  // 'bot', 'person', 'system' or the caseworker's email.
  @Prop({ required: true })
  by!: string;
}
const StatusChangeSchema = SchemaFactory.createForClass(StatusChange);

@Schema({ _id: false })
export class FollowUp {
  @Prop({ required: true })
  dueAt!: Date;

  // Set by the one instance that claims the send.
  @Prop({ type: Date, default: null })
  sentAt!: Date | null;

  @Prop({ type: String, default: null })
  outboxId!: string | null;

  @Prop({ type: String, enum: ['yes', 'no', null], default: null })
  answer!: 'yes' | 'no' | null;

  @Prop({ type: Date, default: null })
  answeredAt!: Date | null;

  @Prop({ type: String, default: null })
  messageSid!: string | null;

  @Prop({ type: String, default: null })
  ticketId!: string | null;
}
const FollowUpSchema = SchemaFactory.createForClass(FollowUp);

@Schema({ collection: 'referrals', timestamps: true })
export class Referral {
  @Prop({ required: true, unique: true })
  code!: string;

  @Prop({ required: true, unique: true })
  idempotencyKey!: string;

  @Prop({ required: true, index: true })
  contactId!: string;

  @Prop({ required: true })
  serviceId!: string;

  @Prop({ type: String, default: null })
  serviceName!: string | null;

  @Prop({ type: String, default: null })
  organization!: string | null;

  @Prop({ required: true, enum: NEED_CODES, type: String })
  need!: NeedCode;

  @Prop({ type: String, default: null })
  region!: string | null;

  @Prop({ required: true, enum: ['sms', 'whatsapp'], type: String })
  channel!: 'sms' | 'whatsapp';

  @Prop({ required: true, enum: LANGS, type: String })
  language!: Lang;

  @Prop({ required: true })
  consentToShare!: boolean;

  @Prop({ required: true, enum: REFERRAL_STATUSES, type: String })
  status!: ReferralStatus;

  @Prop({ type: [StatusChangeSchema], default: [] })
  history!: StatusChange[];

  @Prop({ type: String, default: null })
  providerOutboxId!: string | null;

  @Prop({ type: FollowUpSchema, required: true })
  followUp!: FollowUp;

  createdAt!: Date;
  updatedAt!: Date;
}

export type ReferralDocument = HydratedDocument<Referral>;
export const ReferralSchema = SchemaFactory.createForClass(Referral);
ReferralSchema.index({ 'followUp.dueAt': 1, 'followUp.sentAt': 1 });
