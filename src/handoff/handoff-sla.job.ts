import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HandoffService } from './handoff.service';

const EVERY_MS = 30_000;

// Checks the SLA every 30 s on every instance; the atomic flag makes overlapping runs harmless.
@Injectable()
export class HandoffSlaJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HandoffSlaJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly handoffs: HandoffService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  run(): Promise<string[]> {
    return this.handoffs.escalateOverdue();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.run().catch((error: Error) =>
      this.logger.error(`SLA check failed: ${error.message}`),
    );
    await this.running;
    this.running = null;
  }
}
