import { LoggerService } from '@nestjs/common';

// For command-line tools whose stdout is their output: warnings and errors go to stderr, info is dropped.
export class StderrLogger implements LoggerService {
  log(): void {}
  warn(message: unknown): void {
    process.stderr.write(`warn: ${String(message)}\n`);
  }
  error(message: unknown): void {
    process.stderr.write(`error: ${String(message)}\n`);
  }
}
