import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ReferralsService } from './referrals.service';

const EVERY_MS = 60_000;

// Sends due follow-ups every minute on every instance; each one is claimed atomically before sending.
@Injectable()
export class FollowUpJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FollowUpJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly referrals: ReferralsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  run(): Promise<number> {
    return this.referrals.sendDueFollowUps();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.run().catch((error: Error) =>
      this.logger.error(`Follow-up run failed: ${error.message}`),
    );
    await this.running;
    this.running = null;
  }
}
