import { Injectable } from '@nestjs/common';
import { Clock } from '../handoff/clock';
import { HandoffService } from '../handoff/handoff.service';
import { ReferralsService } from '../referrals/referrals.service';
import { Stats, computeStats } from './stats.compute';

@Injectable()
export class StatsService {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly handoffs: HandoffService,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<Stats> {
    const [referrals, tickets] = await Promise.all([
      this.referrals.statsRows(),
      this.handoffs.statsRows(),
    ]);
    return computeStats(referrals, tickets, this.clock.now());
  }
}
