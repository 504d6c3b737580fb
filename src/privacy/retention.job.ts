import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IntervalTask } from '../common/interval-task';
import { PrivacyService } from './privacy.service';

const EVERY_MS = 60 * 60 * 1000;

// Hourly retention purge on every instance; erasing is idempotent and only the instance that deletes
// a contact audits it, so overlapping runs are harmless.
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new IntervalTask({
    run: () => this.run(),
    logger: new Logger(RetentionJob.name),
    failure: 'Retention purge failed',
  });

  constructor(private readonly privacy: PrivacyService) {}

  onApplicationBootstrap(): void {
    this.task.start(EVERY_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  run(): Promise<string[]> {
    return this.privacy.purgeExpired();
  }
}
