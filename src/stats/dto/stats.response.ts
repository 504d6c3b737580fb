import { ApiProperty } from '@nestjs/swagger';

class Counts {
  @ApiProperty() referrals!: number;
  @ApiProperty() tickets!: number;
  @ApiProperty() openTickets!: number;
  @ApiProperty() waiting!: number;
  @ApiProperty() claimed!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() escalated!: number;
}

class NeedCount {
  @ApiProperty({ description: "Region name, or 'unknown'" }) region!: string;
  @ApiProperty() need!: string;
  @ApiProperty({ description: 'Referrals plus tickets naming this need in this region' })
  count!: number;
}

class FollowUps {
  @ApiProperty() notSent!: number;
  @ApiProperty() awaitingAnswer!: number;
  @ApiProperty() yes!: number;
  @ApiProperty() no!: number;
}

class Bucket {
  @ApiProperty({ example: '15-60m' }) bucket!: string;
  @ApiProperty() count!: number;
}

class FirstHumanReply {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median minutes from ticket opening to the first caseworker reply',
  })
  medianMinutes!: number | null;
  @ApiProperty() samples!: number;
  @ApiProperty({ type: [Bucket], description: 'Distribution of the same durations' })
  buckets!: Bucket[];
}

export class StatsView {
  @ApiProperty() generatedAt!: Date;
  @ApiProperty({ type: Counts }) counts!: Counts;
  @ApiProperty({ type: [NeedCount] }) needsByRegion!: NeedCount[];
  @ApiProperty({
    example: { proposed: 0, sent: 3, accepted: 1, completed: 2, declined: 0, no_show: 1 },
  })
  referralsByStatus!: Record<string, number>;
  @ApiProperty({ type: FollowUps }) followUps!: FollowUps;
  @ApiProperty({ example: { resolved: 4, referred: 2, unreachable: 1, no_action: 0, other: 0 } })
  ticketsByOutcome!: Record<string, number>;
  @ApiProperty({ type: FirstHumanReply }) firstHumanReply!: FirstHumanReply;
  @ApiProperty({ type: [Bucket] }) openTicketsByAge!: Bucket[];
}
