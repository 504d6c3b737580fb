import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NEED_CODES, NeedCode } from '../../common/needs';
import { LANGS, Lang } from '../../common/i18n/lang';
import {
  HANDOFF_OUTCOMES,
  HANDOFF_REASONS,
  HANDOFF_STATUSES,
  HandoffOutcome,
  HandoffReason,
  HandoffStatus,
} from '../schemas/handoff.schema';

class ActorView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
}

export class HandoffSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: HANDOFF_STATUSES }) status!: HandoffStatus;
  @ApiProperty({ enum: HANDOFF_REASONS }) reason!: HandoffReason;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() vulnerable!: boolean;
  @ApiProperty({ description: '0 urgent, 1 vulnerable, 2 normal' }) priority!: number;
  @ApiProperty({ enum: NEED_CODES, isArray: true }) needs!: NeedCode[];
  @ApiPropertyOptional({ type: String, nullable: true }) region!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) place!: string | null;
  @ApiProperty({ enum: LANGS }) language!: Lang;
  @ApiProperty({ enum: ['sms', 'whatsapp'] }) channel!: 'sms' | 'whatsapp';
  @ApiProperty() openedAt!: Date;
  @ApiPropertyOptional({ type: ActorView, nullable: true }) claimedBy!: ActorView | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) claimedAt!: Date | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) firstHumanReplyAt!: Date | null;
  @ApiProperty() escalated!: boolean;
  @ApiPropertyOptional({ type: Date, nullable: true }) closedAt!: Date | null;
  @ApiPropertyOptional({ enum: HANDOFF_OUTCOMES, nullable: true }) outcome!: HandoffOutcome | null;
  @ApiProperty() messageCount!: number;
  @ApiPropertyOptional({ type: Date, nullable: true }) lastMessageAt!: Date | null;
}

class TranscriptLineView {
  @ApiProperty() at!: Date;
  @ApiProperty({ enum: ['person', 'bot', 'caseworker'] }) from!: 'person' | 'bot' | 'caseworker';
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) by!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Outbox status of a caseworker reply, e.g. 'queued', 'held', 'refused'",
  })
  deliveryStatus!: string | null;
}

export class HandoffDetailView extends HandoffSummaryView {
  @ApiProperty() contactId!: string;
  @ApiProperty({ type: [TranscriptLineView] }) transcript!: TranscriptLineView[];
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
}

export class ReplyResultView {
  @ApiProperty() outboxId!: string;
  @ApiProperty({
    description:
      "Outbox status: 'held' (WhatsApp 24 h window closed) or 'refused' (opted out) need the caseworker's attention",
  })
  deliveryStatus!: string;
}
