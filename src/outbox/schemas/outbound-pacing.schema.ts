import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

// One row per recipient number: the earliest time the next message to it may leave.
@Schema({ collection: 'outbound_pacing', versionKey: false })
export class OutboundPacing {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: Date, required: true })
  nextAt!: Date;
}

export const OutboundPacingSchema = SchemaFactory.createForClass(OutboundPacing);
