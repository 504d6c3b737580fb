import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGS, Lang } from '../../common/i18n/lang';
import { NEED_CODES, NeedCode } from '../../common/needs';
import { REFERRAL_STATUSES, ReferralStatus } from '../referral-status';

class StatusChangeView {
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiProperty() at!: Date;
  @ApiProperty({ description: "'bot', 'person', 'system' or a caseworker's email" }) by!: string;
}

class FollowUpView {
  @ApiProperty() dueAt!: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) sentAt!: Date | null;
  @ApiPropertyOptional({ enum: ['yes', 'no'], nullable: true }) answer!: 'yes' | 'no' | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) answeredAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) ticketId!: string | null;
}

export class ReferralViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'K7M2QX' }) code!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty() serviceId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) serviceName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organization!: string | null;
  @ApiProperty({ enum: NEED_CODES }) need!: NeedCode;
  @ApiPropertyOptional({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ enum: ['sms', 'whatsapp'] }) channel!: 'sms' | 'whatsapp';
  @ApiProperty({ enum: LANGS }) language!: Lang;
  @ApiProperty() consentToShare!: boolean;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiProperty({ type: [StatusChangeView] }) history!: StatusChangeView[];
  @ApiProperty({ type: FollowUpView }) followUp!: FollowUpView;
  @ApiProperty() createdAt!: Date;
}
