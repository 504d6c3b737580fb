import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REFERRAL_STATUSES, ReferralStatus } from '../referral-status';

export class UpdateReferralStatusDto {
  @ApiProperty({
    enum: REFERRAL_STATUSES,
    description: 'proposed → sent → accepted → completed | declined | no_show',
  })
  @IsIn(REFERRAL_STATUSES)
  status!: ReferralStatus;
}
