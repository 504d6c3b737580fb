import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

// HSDS service_at_location: where a service is delivered.
@Schema({ collection: 'service_at_locations', versionKey: false })
export class ServiceAtLocation {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  service_id!: string;

  @Prop({ type: String, required: true })
  location_id!: string;

  @Prop({ type: String })
  description?: string;
}

export const ServiceAtLocationSchema = SchemaFactory.createForClass(ServiceAtLocation);
ServiceAtLocationSchema.index({ service_id: 1 });
ServiceAtLocationSchema.index({ location_id: 1 });
