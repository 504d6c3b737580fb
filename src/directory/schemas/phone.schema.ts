import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PHONE_TYPES, PhoneType } from '../hsds/hsds.types';

// HSDS phone of an organization, service, location or service at location (a provider's line, not a person's).
@Schema({ collection: 'phones', versionKey: false })
export class Phone {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  number!: string;

  @Prop({ type: Number })
  extension?: number;

  @Prop({ type: String, enum: PHONE_TYPES })
  type?: PhoneType;

  @Prop({ type: String })
  description?: string;

  @Prop({ type: String })
  organization_id?: string;

  @Prop({ type: String })
  service_id?: string;

  @Prop({ type: String })
  location_id?: string;

  @Prop({ type: String })
  service_at_location_id?: string;
}

export const PhoneSchema = SchemaFactory.createForClass(Phone);
PhoneSchema.index({ service_id: 1 });
PhoneSchema.index({ organization_id: 1 });
PhoneSchema.index({ location_id: 1 });
PhoneSchema.index({ service_at_location_id: 1 });
