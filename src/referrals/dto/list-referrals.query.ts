import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsOptional, IsString, MaxLength } from 'class-validator';
import { REFERRAL_STATUSES, ReferralStatus } from '../referral-status';

export class ListReferralsQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

  @ApiPropertyOptional({
    description: 'Referral code as read over the phone (case and spaces ignored)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  code?: string;

  @ApiPropertyOptional({ description: "Referrals of one person (a ticket's contactId)" })
  @IsOptional()
  @IsMongoId()
  contactId?: string;
}
