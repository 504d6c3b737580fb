import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Observable, ReplaySubject, Subject } from 'rxjs';
import { IntervalTask } from '../common/interval-task';
import { HandoffStatus } from './schemas/handoff.schema';
import { HandoffEventRecord, HandoffEventSeq } from './schemas/handoff-event.schema';

export type HandoffEventType =
  | 'opened'
  | 'claimed'
  | 'released'
  | 'transferred'
  | 'message'
  | 'reply'
  | 'closed'
  | 'escalated'
  | 'updated';

// What the console receives over SSE: ids and queue facts, never a person's words.
export interface HandoffQueueEvent {
  type: HandoffEventType;
  ticketId: string;
  status: HandoffStatus;
  region: string | null;
  priority: number;
  escalated: boolean;
  claimedBy: string | null;
  at: string;
}

const POLL_MS = 1000;
// Sequence numbers are drawn before the insert lands, so a late insert can appear below the cursor:
// re-read this many below it and skip what was already delivered.
const LOOK_BACK = 100;
const SEQ_ID = 'handoff_events';

// Queue changes fanned out to every SSE subscriber: this instance's at once, other instances'
// through a shared log in MongoDB polled every second.
@Injectable()
export class HandoffEvents implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HandoffEvents.name);
  private readonly origin = randomUUID();
  private readonly subject = new Subject<HandoffQueueEvent>();
  // Replayed: a console that reconnects while the app shuts down is ended at once too.
  private readonly closing = new ReplaySubject<void>(1);
  private cursor = 0;
  // Events from before this instance started are history, not news.
  private floor = 0;
  private readonly delivered = new Set<number>();
  private readonly poller = new IntervalTask({
    run: () => this.poll(),
    logger: this.logger,
    failure: "Reading other instances' queue events failed",
    level: 'warn',
  });

  constructor(
    @InjectModel(HandoffEventRecord.name) private readonly log: Model<HandoffEventRecord>,
    @InjectModel(HandoffEventSeq.name) private readonly seq: Model<HandoffEventSeq>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const last = await this.seq.findById(SEQ_ID).lean().exec();
    this.cursor = last?.value ?? 0;
    this.floor = this.cursor;
    this.poller.start(POLL_MS);
  }

  emit(event: HandoffQueueEvent): void {
    this.subject.next(event);
    void this.publish(event).catch((error: Error) =>
      this.logger.warn(`Queue event not shared with other instances: ${error.message}`),
    );
  }

  get events$(): Observable<HandoffQueueEvent> {
    return this.subject.asObservable();
  }

  // Emits once when the app shuts down, so open SSE responses end instead of holding the server open.
  get closing$(): Observable<void> {
    return this.closing.asObservable();
  }

  async onModuleDestroy(): Promise<void> {
    const stopped = this.poller.stop();
    this.closing.next();
    this.closing.complete();
    this.subject.complete();
    await stopped;
  }

  private async publish(event: HandoffQueueEvent): Promise<void> {
    const counter = await this.seq
      .findOneAndUpdate(
        { _id: SEQ_ID },
        { $inc: { value: 1 } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean()
      .exec();
    await this.log.create({ ...event, seq: counter!.value, origin: this.origin });
  }

  private async poll(): Promise<void> {
    const records = await this.log
      .find({ seq: { $gt: this.cursor - LOOK_BACK }, origin: { $ne: this.origin } })
      .sort({ seq: 1 })
      .limit(500)
      .lean()
      .exec();
    for (const r of records) {
      if (r.seq <= this.floor || this.delivered.has(r.seq)) continue;
      this.delivered.add(r.seq);
      this.subject.next({
        type: r.type as HandoffEventType,
        ticketId: r.ticketId,
        status: r.status,
        region: r.region ?? null,
        priority: r.priority,
        escalated: r.escalated,
        claimedBy: r.claimedBy ?? null,
        at: r.at,
      });
    }
    const newest = records.at(-1)?.seq;
    if (newest !== undefined && newest > this.cursor) this.cursor = newest;
    for (const seq of this.delivered)
      if (seq <= this.cursor - LOOK_BACK) this.delivered.delete(seq);
  }
}
