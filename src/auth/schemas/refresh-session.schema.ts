import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

// One row per refresh token (stored hashed). Rotation marks the old one used; a family is one login.
@Schema({ collection: 'auth_sessions', versionKey: false })
export class RefreshSession {
  @Prop({ required: true, unique: true })
  tokenHash!: string;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId!: Types.ObjectId;

  @Prop({ required: true, index: true })
  familyId!: string;

  @Prop({ type: Date, default: null })
  usedAt!: Date | null;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;

  @Prop({ type: Date, required: true, expires: 0 })
  expiresAt!: Date;
}

export const RefreshSessionSchema = SchemaFactory.createForClass(RefreshSession);
