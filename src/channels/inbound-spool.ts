import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { twiml } from 'twilio';
import { IntervalTask } from '../common/interval-task';
import { I18nService } from '../common/i18n/i18n.service';
import { AppConfig } from '../config/app-config';
import { InboundService, TwilioParams } from './inbound.service';

const REPLAY_EVERY_MS = 2000;
const CONNECTED = 1;

// Errors that mean "the database is not there", not "this message is wrong".
const DOWN_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'PoolClearedError',
  'MongoPoolClearedError',
]);

export function isDatabaseDown(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | null;
  return Boolean(
    e &&
    (DOWN_ERRORS.has(e.name ?? '') ||
      /buffering timed out|connection .* closed/i.test(e.message ?? '')),
  );
}

// Inbound webhooks that arrive while the database is unavailable are appended (fsync'd) to
// DATA_DIR/spool/inbound.jsonl and answered with a short apology; once the database answers they are
// replayed in arrival order, their replies leaving through the outbox. While lines wait, new messages
// queue behind them so one person's messages keep their order. MessageSid dedupe makes replays safe.
@Injectable()
export class InboundSpool implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundSpool.name);
  private readonly dir: string;
  private readonly file: string;
  private readonly replayer = new IntervalTask({
    run: () => this.replay(),
    logger: this.logger,
    failure: 'spool replay failed',
    level: 'warn',
  });

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly inbound: InboundService,
    private readonly i18n: I18nService,
    config: AppConfig,
  ) {
    this.dir = join(config.dataDir, 'spool');
    this.file = join(this.dir, 'inbound.jsonl');
  }

  onApplicationBootstrap(): void {
    this.replayer.start(REPLAY_EVERY_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.replayer.stop();
  }

  // The webhook's answer: the turn's TwiML, or after spooling an apology (database down) or nothing
  // (older messages still waiting for replay).
  async receive(params: TwilioParams): Promise<string> {
    if (this.connection.readyState !== CONNECTED) return this.spool(params, true);
    if (this.pending()) return this.spool(params, false);
    try {
      return await this.inbound.receive(params);
    } catch (error) {
      if (!isDatabaseDown(error)) throw error;
      return this.spool(params, true);
    }
  }

  pending(): boolean {
    return existsSync(this.file) || existsSync(this.replaying());
  }

  private spool(params: TwilioParams, apologize: boolean): string {
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(this.file, `${JSON.stringify(params)}\n`);
    const fd = openSync(this.file, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.logger.warn(
      `inbound webhook spooled to disk (${apologize ? 'database unavailable' : 'behind earlier spooled messages'})`,
    );
    const response = new twiml.MessagingResponse();
    if (apologize) response.message(this.i18n.t('fr', 'channels:spool.apology'));
    return response.toString();
  }

  private replaying(): string {
    return `${this.file}.replaying`;
  }

  // Takes the spool file aside (new arrivals start a new one behind it), replays it line by line and
  // deletes it; a failure leaves the rest in place for the next pass, in order.
  async replay(): Promise<number> {
    if (this.connection.readyState !== CONNECTED) return 0;
    const current = this.replaying();
    if (!existsSync(current)) {
      if (!existsSync(this.file)) return 0;
      renameSync(this.file, current);
    }
    const lines = readFileSync(current, 'utf8').split('\n').filter(Boolean);
    let done = 0;
    try {
      for (const line of lines) {
        try {
          await this.inbound.receive(JSON.parse(line) as TwilioParams, { replay: true });
        } catch (error) {
          // Down again: stop here, keep the rest. Anything else would fail forever: drop that line.
          if (isDatabaseDown(error)) throw error;
          this.logger.error(
            `spooled webhook dropped: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        done++;
      }
    } finally {
      if (done === lines.length) unlinkSync(current);
      else if (done > 0) {
        const rest = `${lines.slice(done).join('\n')}\n`;
        writeFileSync(`${current}.tmp`, rest);
        renameSync(`${current}.tmp`, current);
      }
    }
    this.logger.log(`replayed ${done} spooled inbound webhook(s)`);
    return done;
  }
}
