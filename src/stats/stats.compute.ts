import { HandoffOutcome, HANDOFF_OUTCOMES } from '../handoff/schemas/handoff.schema';
import { HandoffStatsRow } from '../handoff/handoff.types';
import { REFERRAL_STATUSES, ReferralStatus } from '../referrals/referral-status';
import { ReferralStatsRow } from '../referrals/referrals.service';

const HOUR_MS = 3600_000;
export const UNKNOWN_REGION = 'unknown';

// Open-ticket age buckets, in display order; `upToHours` is exclusive, null means no upper bound.
export const AGE_BUCKETS = [
  { bucket: '<1h', upToHours: 1 },
  { bucket: '1-4h', upToHours: 4 },
  { bucket: '4-24h', upToHours: 24 },
  { bucket: '1-3d', upToHours: 72 },
  { bucket: '>3d', upToHours: null },
] as const;

// Time to first human reply, in minutes; `upToMinutes` is exclusive, null means no upper bound.
export const REPLY_BUCKETS = [
  { bucket: '<15m', upToMinutes: 15 },
  { bucket: '15-60m', upToMinutes: 60 },
  { bucket: '1-4h', upToMinutes: 240 },
  { bucket: '4-24h', upToMinutes: 1440 },
  { bucket: '>1d', upToMinutes: null },
] as const;

export interface Stats {
  generatedAt: Date;
  counts: {
    referrals: number;
    tickets: number;
    openTickets: number;
    waiting: number;
    claimed: number;
    closed: number;
    escalated: number;
  };
  needsByRegion: { region: string; need: string; count: number }[];
  referralsByStatus: Record<ReferralStatus, number>;
  followUps: { notSent: number; awaitingAnswer: number; yes: number; no: number };
  ticketsByOutcome: Record<HandoffOutcome, number>;
  firstHumanReply: {
    medianMinutes: number | null;
    samples: number;
    buckets: { bucket: string; count: number }[];
  };
  openTicketsByAge: { bucket: string; count: number }[];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Anonymous aggregates only: counts and durations, never an id or a text.
export function computeStats(
  referrals: ReferralStatsRow[],
  tickets: HandoffStatsRow[],
  now: Date,
): Stats {
  const needs = new Map<string, number>();
  const addNeed = (region: string | null, need: string) => {
    const key = `${region ?? UNKNOWN_REGION}\u0000${need}`;
    needs.set(key, (needs.get(key) ?? 0) + 1);
  };
  referrals.forEach((r) => addNeed(r.region, r.need));
  tickets.forEach((t) => t.needs.forEach((need) => addNeed(t.region, need)));

  const referralsByStatus = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<
    ReferralStatus,
    number
  >;
  const followUps = { notSent: 0, awaitingAnswer: 0, yes: 0, no: 0 };
  for (const r of referrals) {
    referralsByStatus[r.status]++;
    if (r.followUpAnswer) followUps[r.followUpAnswer]++;
    else if (r.followUpSent) followUps.awaitingAnswer++;
    else followUps.notSent++;
  }

  const ticketsByOutcome = Object.fromEntries(HANDOFF_OUTCOMES.map((o) => [o, 0])) as Record<
    HandoffOutcome,
    number
  >;
  const ages = AGE_BUCKETS.map(({ bucket }) => ({ bucket, count: 0 }));
  const replyMinutes: number[] = [];
  for (const t of tickets) {
    if (t.outcome) ticketsByOutcome[t.outcome]++;
    if (t.firstHumanReplyAt)
      replyMinutes.push((t.firstHumanReplyAt.getTime() - t.openedAt.getTime()) / 60_000);
    if (t.status === 'closed') continue;
    const hours = (now.getTime() - t.openedAt.getTime()) / HOUR_MS;
    const index = AGE_BUCKETS.findIndex((b) => b.upToHours === null || hours < b.upToHours);
    ages[index].count++;
  }
  const med = median(replyMinutes);

  return {
    generatedAt: now,
    counts: {
      referrals: referrals.length,
      tickets: tickets.length,
      openTickets: tickets.filter((t) => t.status !== 'closed').length,
      waiting: tickets.filter((t) => t.status === 'waiting').length,
      claimed: tickets.filter((t) => t.status === 'claimed').length,
      closed: tickets.filter((t) => t.status === 'closed').length,
      escalated: tickets.filter((t) => t.escalated).length,
    },
    needsByRegion: [...needs.entries()]
      .map(([key, count]) => {
        const [region, need] = key.split('\u0000');
        return { region, need, count };
      })
      .sort(
        (a, b) =>
          a.region.localeCompare(b.region) || b.count - a.count || a.need.localeCompare(b.need),
      ),
    referralsByStatus,
    followUps,
    ticketsByOutcome,
    firstHumanReply: {
      medianMinutes: med === null ? null : Math.round(med * 10) / 10,
      samples: replyMinutes.length,
      buckets: REPLY_BUCKETS.map(({ bucket, upToMinutes }, i) => ({
        bucket,
        count: replyMinutes.filter(
          (m) =>
            (i === 0 || m >= REPLY_BUCKETS[i - 1].upToMinutes!) &&
            (upToMinutes === null || m < upToMinutes),
        ).length,
      })),
    },
    openTicketsByAge: ages,
  };
}
