import { Logger } from '@nestjs/common';

export interface IntervalTaskOptions<T> {
  run: () => Promise<T>;
  logger: Logger;
  // Prefix of the line logged when a run fails, e.g. 'SLA check failed'.
  failure: string;
  level?: 'error' | 'warn';
}

// A task repeated on a timer on this instance, never overlapping itself: a run asked for while one
// is in progress joins it. stop() waits for the run in progress. A failure is logged by its message
// only (errors carry ids, never a phone number or message body).
export class IntervalTask<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  constructor(private readonly options: IntervalTaskOptions<T>) {}

  start(everyMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runNow().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  // Runs now, or joins the run in progress; rejects (after logging) when that run fails.
  runNow(): Promise<T> {
    const { run, logger, failure, level = 'error' } = this.options;
    this.running ??= new Promise<T>((resolve) => resolve(run()))
      .catch((error: unknown) => {
        logger[level](`${failure}: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      })
      .finally(() => (this.running = null));
    return this.running;
  }
}
