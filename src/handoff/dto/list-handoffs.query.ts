import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { HANDOFF_STATUSES, HandoffStatus } from '../schemas/handoff.schema';

export class ListHandoffsQuery {
  @ApiPropertyOptional({ enum: HANDOFF_STATUSES, default: 'waiting' })
  @IsOptional()
  @IsIn(HANDOFF_STATUSES)
  status?: HandoffStatus;
}
