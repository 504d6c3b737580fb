import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { NEED_CODES, NeedCode } from '../../common/needs';
import { SERVICE_STATUSES, ServiceStatus } from '../hsds/hsds.types';

// HSDS service with Sira's taxonomy attributes (needs, eligibility) stored as plain fields.
@Schema({ collection: 'services', versionKey: false })
export class Service {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  organization_id!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String })
  alternate_name?: string;

  @Prop({ type: String })
  description?: string;

  @Prop({ type: String })
  url?: string;

  @Prop({ type: String })
  email?: string;

  @Prop({ type: String, enum: SERVICE_STATUSES, required: true })
  status!: ServiceStatus;

  @Prop({ type: String })
  application_process?: string;

  @Prop({ type: String })
  fees_description?: string;

  @Prop({ type: String })
  eligibility_description?: string;

  @Prop({ type: Number })
  minimum_age?: number;

  @Prop({ type: Number })
  maximum_age?: number;

  @Prop({ type: [String], enum: NEED_CODES, required: true })
  needs!: NeedCode[];

  @Prop({ type: [String] })
  languages!: string[];

  @Prop({ type: String, enum: ['female', 'male'] })
  sex?: 'female' | 'male';

  @Prop({ type: Boolean, required: true })
  returnees_only!: boolean;

  @Prop({ type: [String] })
  required_documents!: string[];

  @Prop({ type: Boolean, required: true })
  national!: boolean;
}

export const ServiceSchema = SchemaFactory.createForClass(Service);
// Search paths: by need (active only), national services by need, an organization's services.
ServiceSchema.index({ needs: 1, status: 1 });
ServiceSchema.index({ national: 1, needs: 1 });
ServiceSchema.index({ organization_id: 1 });
