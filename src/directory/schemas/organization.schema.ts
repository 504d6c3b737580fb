import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

// HSDS organization; `_id` is the HSDS id.
@Schema({ collection: 'organizations', versionKey: false })
export class Organization {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String })
  alternate_name?: string;

  @Prop({ type: String })
  description?: string;

  @Prop({ type: String })
  email?: string;

  @Prop({ type: String })
  website?: string;
}

export const OrganizationSchema = SchemaFactory.createForClass(Organization);
OrganizationSchema.index({ name: 1 });
