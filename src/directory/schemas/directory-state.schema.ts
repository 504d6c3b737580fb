import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

// One document: a counter bumped on every directory write, so every instance knows to reload its index.
@Schema({ collection: 'directory_state', versionKey: false })
export class DirectoryState {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: Number, required: true })
  version!: number;

  @Prop({ type: Date })
  changedAt?: Date;
}

export const DirectoryStateSchema = SchemaFactory.createForClass(DirectoryState);
