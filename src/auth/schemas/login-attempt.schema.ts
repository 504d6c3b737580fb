import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

// Failed logins per (email, IP), shared by every instance through MongoDB.
@Schema({ collection: 'login_attempts', versionKey: false })
export class LoginAttempt {
  @Prop({ required: true, unique: true })
  key!: string;

  @Prop({ default: 0 })
  failures!: number;

  @Prop({ type: Date, default: null })
  lockedUntil!: Date | null;

  @Prop({ type: Date, required: true, expires: 0 })
  expiresAt!: Date;
}

export const LoginAttemptSchema = SchemaFactory.createForClass(LoginAttempt);
