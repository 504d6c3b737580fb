import { HandoffStatsRow } from '../handoff/handoff.types';
import { ReferralStatsRow } from '../referrals/referrals.service';
import { computeStats, median } from './stats.compute';

const now = new Date('2026-11-23T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

function ticket(over: Partial<HandoffStatsRow>): HandoffStatsRow {
  return {
    status: 'waiting',
    needs: [],
    region: null,
    openedAt: hoursAgo(0.5),
    firstHumanReplyAt: null,
    escalated: false,
    outcome: null,
    ...over,
  };
}

function referral(over: Partial<ReferralStatsRow>): ReferralStatsRow {
  return {
    need: 'food',
    region: 'Kayes',
    status: 'sent',
    followUpSent: false,
    followUpAnswer: null,
    ...over,
  };
}

describe('computeStats', () => {
  it('computes the median of odd and even samples', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('aggregates needs, statuses, follow-ups, reply times and ages', () => {
    const opened = hoursAgo(30);
    const sut = computeStats(
      [
        referral({ status: 'completed', followUpSent: true, followUpAnswer: 'yes' }),
        referral({ need: 'health', followUpSent: true, followUpAnswer: 'no' }),
        referral({ region: null, followUpSent: true }),
      ],
      [
        ticket({ needs: ['food', 'shelter'], region: 'Kayes', openedAt: hoursAgo(2) }),
        ticket({
          status: 'claimed',
          openedAt: opened,
          firstHumanReplyAt: minutesAfter(opened, 10),
          escalated: true,
        }),
        ticket({
          status: 'closed',
          outcome: 'resolved',
          openedAt: opened,
          firstHumanReplyAt: minutesAfter(opened, 30),
        }),
        ticket({ openedAt: hoursAgo(100) }),
      ],
      now,
    );
    expect(sut.counts).toEqual({
      referrals: 3,
      tickets: 4,
      openTickets: 3,
      waiting: 2,
      claimed: 1,
      closed: 1,
      escalated: 1,
    });
    expect(sut.needsByRegion).toEqual([
      { region: 'Kayes', need: 'food', count: 2 },
      { region: 'Kayes', need: 'health', count: 1 },
      { region: 'Kayes', need: 'shelter', count: 1 },
      { region: 'unknown', need: 'food', count: 1 },
    ]);
    expect(sut.referralsByStatus).toMatchObject({ completed: 1, sent: 2, proposed: 0 });
    expect(sut.followUps).toEqual({ notSent: 0, awaitingAnswer: 1, yes: 1, no: 1 });
    expect(sut.ticketsByOutcome.resolved).toBe(1);
    expect(sut.firstHumanReply).toEqual({
      medianMinutes: 20,
      samples: 2,
      buckets: [
        { bucket: '<15m', count: 1 },
        { bucket: '15-60m', count: 1 },
        { bucket: '1-4h', count: 0 },
        { bucket: '4-24h', count: 0 },
        { bucket: '>1d', count: 0 },
      ],
    });
    expect(sut.openTicketsByAge).toEqual([
      { bucket: '<1h', count: 0 },
      { bucket: '1-4h', count: 1 },
      { bucket: '4-24h', count: 0 },
      { bucket: '1-3d', count: 1 },
      { bucket: '>3d', count: 1 },
    ]);
  });
});
