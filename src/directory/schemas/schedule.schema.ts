import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

// HSDS schedule (weekly RRULE subset), times in Africa/Bamako local time.
@Schema({ collection: 'schedules', versionKey: false })
export class Schedule {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String })
  service_id?: string;

  @Prop({ type: String })
  location_id?: string;

  @Prop({ type: String })
  service_at_location_id?: string;

  @Prop({ type: String, enum: ['WEEKLY'], required: true })
  freq!: 'WEEKLY';

  @Prop({ type: String, required: true })
  byday!: string;

  @Prop({ type: String, required: true })
  opens_at!: string;

  @Prop({ type: String, required: true })
  closes_at!: string;

  @Prop({ type: String })
  valid_from?: string;

  @Prop({ type: String })
  valid_to?: string;

  @Prop({ type: String })
  description?: string;
}

export const ScheduleSchema = SchemaFactory.createForClass(Schedule);
ScheduleSchema.index({ service_id: 1 });
ScheduleSchema.index({ location_id: 1 });
ScheduleSchema.index({ service_at_location_id: 1 });
