import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IntervalTask } from '../common/interval-task';
import { HandoffService } from './handoff.service';

const EVERY_MS = 30_000;

// Checks the SLA every 30 s on every instance; the atomic flag makes overlapping runs harmless.
@Injectable()
export class HandoffSlaJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new IntervalTask({
    run: () => this.run(),
    logger: new Logger(HandoffSlaJob.name),
    failure: 'SLA check failed',
  });

  constructor(private readonly handoffs: HandoffService) {}

  onApplicationBootstrap(): void {
    this.task.start(EVERY_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  run(): Promise<string[]> {
    return this.handoffs.escalateOverdue();
  }
}
