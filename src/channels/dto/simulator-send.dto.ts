import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { CHANNEL_TYPES, ChannelType } from '../../contacts/schemas/contact.schema';

export class SimulatorSendDto {
  @IsIn(CHANNEL_TYPES)
  channel!: ChannelType;

  @IsString()
  @MinLength(4)
  @MaxLength(32)
  phone!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1600)
  text!: string;
}
