import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { HandoffStatus } from './schemas/handoff.schema';

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

// Queue changes of this instance, fanned out to every SSE subscriber.
@Injectable()
export class HandoffEvents implements OnModuleDestroy {
  private readonly subject = new Subject<HandoffQueueEvent>();
  private readonly closing = new Subject<void>();

  emit(event: HandoffQueueEvent): void {
    this.subject.next(event);
  }

  get events$(): Observable<HandoffQueueEvent> {
    return this.subject.asObservable();
  }

  // Emits once when the app shuts down, so open SSE responses end instead of holding the server open.
  get closing$(): Observable<void> {
    return this.closing.asObservable();
  }

  onModuleDestroy(): void {
    this.closing.next();
    this.closing.complete();
    this.subject.complete();
  }
}
