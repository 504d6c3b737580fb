import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { LANGS, Lang } from '../../common/i18n/lang';

export const CHANNEL_TYPES = ['sms', 'whatsapp'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

@Schema({ _id: false })
export class ContactChannel {
  @Prop({ required: true, enum: CHANNEL_TYPES, type: String })
  type!: ChannelType;

  @Prop({ type: Date, default: null })
  lastInboundAt!: Date | null;

  @Prop({ default: false })
  optedOut!: boolean;

  @Prop({ type: Date, default: null })
  optedOutAt!: Date | null;
}
const ContactChannelSchema = SchemaFactory.createForClass(ContactChannel);

// One person, whatever channel they write from. The phone is only stored sealed; phoneHash finds it.
@Schema({ collection: 'contacts', timestamps: { createdAt: true, updatedAt: true } })
export class Contact {
  @Prop({ required: true })
  phoneEnc!: string;

  @Prop({ required: true, unique: true })
  phoneHash!: string;

  // Append-only: a channel's position never changes once added.
  @Prop({ type: [ContactChannelSchema], default: [] })
  channels!: ContactChannel[];

  @Prop({ type: String, enum: [...LANGS, null], default: null })
  language!: Lang | null;

  // The person asked to stop (STOP on any channel): nothing is sent until they opt back in.
  @Prop({ default: false })
  optedOut!: boolean;

  @Prop({ type: Date, default: null })
  optedOutAt!: Date | null;

  @Prop({ type: Date, default: null })
  lastInboundAt!: Date | null;

  // Set before a ticket is opened for the person and cleared once it is closed, so a turn need not
  // look for an open ticket while this is null. A hint that outlives its ticket (a crash between
  // the two writes) only costs a lookup, and is dropped once it is a minute old.
  @Prop({ type: String, default: null })
  ticketHint!: string | null;

  @Prop({ type: Date, default: null })
  ticketHintAt!: Date | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export type ContactDocument = HydratedDocument<Contact>;
export const ContactSchema = SchemaFactory.createForClass(Contact);
