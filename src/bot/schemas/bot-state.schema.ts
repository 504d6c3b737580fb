import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

// One botbuilder storage item (conversation or user state). The state is sealed with FieldCipher:
// it holds what the person wrote (answers, a short transcript for the caseworker).
@Schema({
  collection: 'bot_state',
  versionKey: false,
  timestamps: { createdAt: false, updatedAt: true },
})
export class BotStateRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  eTag!: string;

  @Prop({ required: true })
  data!: string;
}

export const BotStateSchema = SchemaFactory.createForClass(BotStateRecord);
