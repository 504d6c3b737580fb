import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReplyDto {
  @ApiProperty({ description: 'Text sent to the person on their channel', maxLength: 1600 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1600)
  text!: string;
}
