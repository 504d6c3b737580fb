import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { LOCATION_TYPES, LocationType } from '../hsds/hsds.types';

// HSDS location with its address flattened into the Mali admin hierarchy (region > cercle > commune).
@Schema({ collection: 'locations', versionKey: false })
export class Location {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String })
  organization_id?: string;

  @Prop({ type: String })
  name?: string;

  @Prop({ type: String })
  alternate_name?: string;

  @Prop({ type: String })
  description?: string;

  @Prop({ type: String, enum: LOCATION_TYPES, required: true })
  location_type!: LocationType;

  @Prop({ type: Number, min: -90, max: 90 })
  latitude?: number;

  @Prop({ type: Number, min: -180, max: 180 })
  longitude?: number;

  @Prop({ type: String })
  address_1?: string;

  @Prop({ type: String })
  commune?: string;

  @Prop({ type: String })
  cercle?: string;

  @Prop({ type: String, required: true })
  region!: string;
}

export const LocationSchema = SchemaFactory.createForClass(Location);
// Search paths: commune, cercle and region matches; coordinates for nearest.
LocationSchema.index({ region: 1, cercle: 1, commune: 1 });
LocationSchema.index({ commune: 1 });
LocationSchema.index({ cercle: 1 });
LocationSchema.index({ latitude: 1, longitude: 1 });
LocationSchema.index({ organization_id: 1 });
