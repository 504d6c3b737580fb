import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HANDOFF_STATUSES, HandoffStatus } from './handoff.schema';

// Queue changes shared between instances: each one tails this log for the others' events.
@Schema({ collection: 'handoff_events', versionKey: false })
export class HandoffEventRecord {
  @Prop({ required: true, unique: true })
  seq!: number;

  @Prop({ required: true })
  origin!: string;

  @Prop({ required: true })
  type!: string;

  @Prop({ required: true })
  ticketId!: string;

  @Prop({ required: true, enum: HANDOFF_STATUSES, type: String })
  status!: HandoffStatus;

  @Prop({ type: String, default: null })
  region!: string | null;

  @Prop({ required: true })
  priority!: number;

  @Prop({ required: true })
  escalated!: boolean;

  @Prop({ type: String, default: null })
  claimedBy!: string | null;

  @Prop({ required: true })
  at!: string;

  // Kept a day: only live consoles read this log.
  @Prop({ required: true, default: () => new Date(), expires: 86_400 })
  createdAt!: Date;
}

export const HandoffEventRecordSchema = SchemaFactory.createForClass(HandoffEventRecord);

@Schema({ collection: 'handoff_event_seq', versionKey: false })
export class HandoffEventSeq {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, default: 0 })
  value!: number;
}

export const HandoffEventSeqSchema = SchemaFactory.createForClass(HandoffEventSeq);
