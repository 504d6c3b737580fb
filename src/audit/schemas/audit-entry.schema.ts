import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

// Who did what to which record, and when. Append-only.
@Schema({ collection: 'audit_log', versionKey: false })
export class AuditEntry {
  @Prop({ required: true, index: true })
  actorId!: string;

  @Prop({ required: true })
  actorEmail!: string;

  @Prop({ required: true, index: true })
  action!: string;

  @Prop({ required: true })
  targetType!: string;

  @Prop({ required: true })
  targetId!: string;

  @Prop({ type: Date, required: true, default: () => new Date(), index: true })
  at!: Date;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntry);
AuditEntrySchema.index({ targetType: 1, targetId: 1, at: -1 });
