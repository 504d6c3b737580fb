import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IntervalTask } from '../common/interval-task';
import { ReferralsService } from './referrals.service';

const EVERY_MS = 60_000;

// Sends due follow-ups every minute on every instance; each one is claimed atomically before sending.
@Injectable()
export class FollowUpJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new IntervalTask({
    run: () => this.run(),
    logger: new Logger(FollowUpJob.name),
    failure: 'Follow-up run failed',
  });

  constructor(private readonly referrals: ReferralsService) {}

  onApplicationBootstrap(): void {
    this.task.start(EVERY_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  run(): Promise<number> {
    return this.referrals.sendDueFollowUps();
  }
}
