import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HANDOFF_OUTCOMES, HandoffOutcome } from '../schemas/handoff.schema';

export class CloseHandoffDto {
  @ApiProperty({ enum: HANDOFF_OUTCOMES })
  @IsIn(HANDOFF_OUTCOMES)
  outcome!: HandoffOutcome;

  @ApiPropertyOptional({ description: 'Stored encrypted', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
