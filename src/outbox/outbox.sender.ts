import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { FieldCipher } from '../common/crypto/field-cipher';
import { IntervalTask } from '../common/interval-task';
import { isDuplicateKey } from '../common/mongo-errors';
import { ContactsService } from '../contacts/contacts.service';
import { backoffMs, OUTBOX_OPTIONS, OutboxOptions, WHATSAPP_WINDOW_MS } from './outbox.options';
import { OutboundMessage, OutboundMessageDocument } from './schemas/outbound-message.schema';
import { OutboundPacing } from './schemas/outbound-pacing.schema';
import { TwilioRestClient, TwilioSendError } from './twilio-rest.client';

// Twilio: the recipient replied STOP to this sender number.
const TWILIO_UNSUBSCRIBED = '21610';

export interface TickResult {
  sent: number;
  retried: number;
  failed: number;
  paced: number;
  held: number;
}

// Claims due messages one by one (atomically, with a lease) and hands them to Twilio.
// Any number of instances may run it: a message is only ever with one of them.
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSender.name);
  private readonly loop = new IntervalTask({
    run: () => this.drain(),
    logger: this.logger,
    failure: 'outbox pass failed',
  });

  constructor(
    @InjectModel(OutboundMessage.name) private readonly messages: Model<OutboundMessage>,
    @InjectModel(OutboundPacing.name) private readonly pacing: Model<OutboundPacing>,
    private readonly contacts: ContactsService,
    private readonly cipher: FieldCipher,
    private readonly twilio: TwilioRestClient,
    private readonly config: AppConfig,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.twilioConfigured) {
      this.logger.warn(
        'Twilio is not configured: outbound messages go to the local sink (status "sink"), nothing is sent',
      );
      return;
    }
    this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.options.intervalMs > 0) this.loop.start(this.options.intervalMs);
  }

  // Stops the loop and waits for the pass in progress (tests stop it to drive tick() themselves).
  stop(): Promise<void> {
    return this.loop.stop();
  }

  // One pass over what is due now. Never runs twice at once in one instance.
  tick(): Promise<TickResult> {
    return this.loop.runNow();
  }

  private async drain(): Promise<TickResult> {
    const result: TickResult = { sent: 0, retried: 0, failed: 0, paced: 0, held: 0 };
    try {
      for (let i = 0; i < this.options.batchSize; i++) {
        const message = await this.claim();
        if (!message) break;
        result[await this.process(message)]++;
      }
    } catch (error) {
      this.logger.error(
        `outbox pass stopped: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return result;
  }

  private claim(): Promise<OutboundMessageDocument | null> {
    const now = this.options.now();
    return this.messages
      .findOneAndUpdate(
        {
          $or: [
            { status: 'queued', nextAttemptAt: { $lte: now } },
            // A sender that died mid-send: its lease ran out, take the message over.
            { status: 'sending', leaseUntil: { $lt: now } },
          ],
        },
        { $set: { status: 'sending', leaseUntil: new Date(now.getTime() + this.options.leaseMs) } },
        { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
      )
      .exec();
  }

  private async process(message: OutboundMessageDocument): Promise<keyof TickResult> {
    const now = this.options.now();
    const paceUntil = await this.claimPace(message.toHash, now);
    if (paceUntil) {
      await this.release(message, { status: 'queued', nextAttemptAt: paceUntil, leaseUntil: null });
      return 'paced';
    }
    if (await this.windowClosed(message, now)) {
      // Waited too long in the queue: the person must write again (the inbound webhook releases it).
      await this.release(message, { status: 'held', reason: 'whatsapp_window', leaseUntil: null });
      return 'held';
    }
    const attempt = message.attempts + 1;
    try {
      const to = message.toPhoneEnc
        ? this.cipher.decrypt(message.toPhoneEnc)
        : await this.contacts.getPhone(message.contactId.toString());
      const from =
        message.channel === 'whatsapp' ? this.config.twilioWhatsappFrom : this.config.twilioSmsFrom;
      if (!from)
        throw new TwilioSendError(
          `no sender number for ${message.channel}`,
          false,
          null,
          'no_sender',
        );
      const body = this.cipher.decrypt(message.bodyEnc);
      const sent = await this.twilio.send({
        to: message.channel === 'whatsapp' ? `whatsapp:${to}` : to,
        from,
        ...(message.contentSid
          ? { contentSid: message.contentSid, contentVariables: JSON.stringify({ 1: body }) }
          : { body }),
        statusCallback: `${this.config.publicBaseUrl}/webhooks/twilio/status`,
      });
      await this.release(message, {
        status: 'sent',
        attempts: attempt,
        twilioSid: sent.sid,
        sentAt: this.options.now(),
        leaseUntil: null,
        errorCode: null,
      });
      this.logger.log(`outbound ${message._id} sent (attempt ${attempt})`);
      return 'sent';
    } catch (error) {
      const failure =
        error instanceof TwilioSendError
          ? error
          : new TwilioSendError(
              error instanceof Error ? error.message : String(error),
              false,
              null,
              null,
            );
      const code = failure.code ?? (failure.status ? String(failure.status) : null);
      // A Twilio outage is waited out (up to outageMaxMs) instead of spending the message's attempts.
      const outage =
        failure.retryable &&
        (failure.status === null || failure.status >= 500 || failure.status === 429);
      if (
        failure.retryable &&
        (attempt < this.options.maxAttempts || (outage && (await this.twilioDown(message))))
      ) {
        const nextAttemptAt = new Date(
          this.options.now().getTime() + backoffMs(this.options, attempt),
        );
        await this.release(message, {
          status: 'queued',
          attempts: attempt,
          nextAttemptAt,
          leaseUntil: null,
          errorCode: code,
        });
        this.logger.warn(
          `outbound ${message._id} attempt ${attempt} failed (${code ?? 'network'}), retrying`,
        );
        return 'retried';
      }
      await this.release(message, {
        status: 'failed',
        attempts: attempt,
        leaseUntil: null,
        errorCode: code,
        reason: failure.retryable ? 'max_attempts' : 'rejected',
      });
      if (code === TWILIO_UNSUBSCRIBED) {
        await this.contacts.optOut(
          message.contactId.toString(),
          message.channel,
          this.options.now(),
        );
      }
      this.logger.warn(
        `outbound ${message._id} failed after ${attempt} attempt(s) (${code ?? 'network'})`,
      );
      return 'failed';
    }
  }

  // Twilio down for everyone rather than refusing this message: nothing sent since it was queued while
  // other messages fail too. (One message failing alone still fails after maxAttempts.)
  private async twilioDown(message: OutboundMessageDocument): Promise<boolean> {
    const since = message.createdAt;
    if (this.options.now().getTime() - since.getTime() > this.options.outageMaxMs) return false;
    const [sent, failing] = await Promise.all([
      this.messages.exists({ sentAt: { $gte: since } }).exec(),
      this.messages
        .exists({ _id: { $ne: message._id }, status: 'queued', attempts: { $gt: 0 } })
        .exec(),
    ]);
    return !sent && Boolean(failing);
  }

  // Free-form WhatsApp is only allowed within 24 h of the person's last message, also at send time.
  private async windowClosed(message: OutboundMessageDocument, now: Date): Promise<boolean> {
    if (message.channel !== 'whatsapp' || message.contentSid || message.toPhoneEnc) return false;
    const last = await this.contacts.lastInboundAt(message.contactId.toString(), 'whatsapp');
    return !last || now.getTime() - last.getTime() >= WHATSAPP_WINDOW_MS;
  }

  // Only the instance still holding the lease may write the outcome.
  private async release(
    message: OutboundMessageDocument,
    fields: Partial<OutboundMessage>,
  ): Promise<void> {
    await this.messages
      .updateOne(
        { _id: message._id, status: 'sending', leaseUntil: message.leaseUntil },
        { $set: fields },
      )
      .exec();
  }

  // Takes the number's send slot, or returns when it frees up. The upsert fails on a duplicate
  // _id when another send holds the slot, so two instances cannot both take it.
  private async claimPace(toHash: string, now: Date): Promise<Date | null> {
    const nextAt = new Date(now.getTime() + this.options.paceMs);
    try {
      await this.pacing
        .updateOne({ _id: toHash, nextAt: { $lte: now } }, { $set: { nextAt } }, { upsert: true })
        .exec();
      return null;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const slot = await this.pacing.findById(toHash).exec();
      return slot?.nextAt ?? nextAt;
    }
  }
}
