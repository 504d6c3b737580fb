import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { CHANNEL_TYPES, ChannelType } from '../../contacts/schemas/contact.schema';

@Schema({ _id: false })
export class InboundMedia {
  @Prop({ required: true })
  url!: string;

  @Prop({ type: String, default: null })
  contentType!: string | null;
}
const InboundMediaSchema = SchemaFactory.createForClass(InboundMedia);

// One row per Twilio MessageSid, inserted before anything else: the unique index is the claim
// that makes a retried or duplicated webhook run no second turn.
@Schema({ collection: 'inbound_messages', timestamps: { createdAt: true, updatedAt: true } })
export class InboundMessage {
  @Prop({ required: true, unique: true })
  messageSid!: string;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  contactId!: Types.ObjectId;

  @Prop({ required: true, enum: CHANNEL_TYPES, type: String })
  channel!: ChannelType;

  // Sealed: what people write is personal.
  @Prop({ required: true })
  bodyEnc!: string;

  @Prop({ type: [InboundMediaSchema], default: [] })
  media!: InboundMedia[];

  @Prop({ required: true, enum: ['processing', 'done'], type: String })
  status!: 'processing' | 'done';

  // When this turn was (re)claimed: a claim older than the stale limit may be taken over.
  @Prop({ type: Date, required: true })
  claimedAt!: Date;

  @Prop({ type: String, default: null })
  keyword!: string | null;

  // The TwiML answered, sealed, so a retry of the same MessageSid gets the same reply.
  @Prop({ type: String, default: null })
  replyEnc!: string | null;

  @Prop({ type: Date, default: null })
  doneAt!: Date | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export type InboundMessageDocument = HydratedDocument<InboundMessage>;
export const InboundMessageSchema = SchemaFactory.createForClass(InboundMessage);
