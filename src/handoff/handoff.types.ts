import { NeedCode } from '../common/needs';
import { Lang } from '../common/i18n/lang';
import {
  HandoffChannel,
  HandoffOutcome,
  HandoffReason,
  HandoffStatus,
  TranscriptAuthor,
} from './schemas/handoff.schema';

export interface OpenHandoffInput {
  contactId: string;
  channel: HandoffChannel;
  language: Lang;
  reason: HandoffReason;
  urgent: boolean;
  vulnerable?: boolean;
  needs: NeedCode[];
  region?: string;
  place?: string;
  transcript: { at: Date; from: TranscriptAuthor; text: string }[];
  idempotencyKey?: string;
}

export interface HandoffSummary {
  id: string;
  status: HandoffStatus;
  reason: HandoffReason;
  urgent: boolean;
  vulnerable: boolean;
  priority: number;
  needs: NeedCode[];
  region: string | null;
  place: string | null;
  language: Lang;
  channel: HandoffChannel;
  openedAt: Date;
  claimedBy: { id: string; email: string } | null;
  claimedAt: Date | null;
  firstHumanReplyAt: Date | null;
  escalated: boolean;
  closedAt: Date | null;
  outcome: HandoffOutcome | null;
  messageCount: number;
  lastMessageAt: Date | null;
}

export interface TranscriptLine {
  at: Date;
  from: TranscriptAuthor;
  text: string;
  by: string | null;
  deliveryStatus: string | null;
}

export interface HandoffDetail extends HandoffSummary {
  contactId: string;
  transcript: TranscriptLine[];
  note: string | null;
}

export interface ReplyResult {
  outboxId: string;
  deliveryStatus: string;
}

// Per-ticket facts the dashboard aggregates; nothing that identifies a person.
export interface HandoffStatsRow {
  status: HandoffStatus;
  needs: NeedCode[];
  region: string | null;
  openedAt: Date;
  firstHumanReplyAt: Date | null;
  escalated: boolean;
  outcome: HandoffOutcome | null;
}
