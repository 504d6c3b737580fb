import { Inject, Injectable, MessageEvent } from '@nestjs/common';
import {
  Observable,
  concatMap,
  filter,
  interval,
  map,
  merge,
  of,
  takeUntil,
  catchError,
} from 'rxjs';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import { AuthService } from '../auth/auth.service';
import { AuthUser } from '../auth/role';
import { HandoffEvents, HandoffQueueEvent } from './handoff-events';
import { canSee } from './handoff-rules';

export interface QueueStreamOptions {
  // A ping this often keeps proxies from closing an idle stream; the account is checked on each.
  heartbeatMs: number;
  // An event is delivered only under an account check at most this old.
  recheckMs: number;
}

export const QUEUE_STREAM_OPTIONS = Symbol('QUEUE_STREAM_OPTIONS');
export const DEFAULT_QUEUE_STREAM_OPTIONS: QueueStreamOptions = {
  heartbeatMs: 25_000,
  recheckMs: 5_000,
};

// The last message of a stream that its account or token no longer allows.
export interface QueueStreamEnded {
  type: 'ended';
  reason: AuthExceptionCode | 'ERROR';
}

// The console's live queue, following the account as it is now: a deactivated or deleted account, or
// an expired token, ends the stream; a role or region change applies to the events after the check.
// One account read per heartbeat, and per burst of events at most one per recheckMs.
@Injectable()
export class QueueStream {
  constructor(
    private readonly events: HandoffEvents,
    private readonly auth: AuthService,
    @Inject(QUEUE_STREAM_OPTIONS) private readonly options: QueueStreamOptions,
  ) {}

  open(token: string, user: AuthUser): Observable<MessageEvent> {
    let current = user;
    let checkedAt = Date.now();
    const ticks = interval(this.options.heartbeatMs).pipe(map(() => 'tick' as const));
    return merge(this.events.events$, ticks).pipe(
      concatMap(async (item) => {
        if (item === 'tick' || Date.now() - checkedAt >= this.options.recheckMs) {
          current = await this.auth.verifyAccessToken(token);
          checkedAt = Date.now();
        }
        if (item === 'tick') return { data: { type: 'ping' } };
        return canSee(current, item) ? { data: item } : null;
      }),
      filter(
        (message): message is { data: HandoffQueueEvent | { type: 'ping' } } => message !== null,
      ),
      catchError((error: unknown) => {
        const reason = error instanceof AuthException ? error.code : 'ERROR';
        return of<MessageEvent>({ data: { type: 'ended', reason } satisfies QueueStreamEnded });
      }),
      takeUntil(this.events.closing$),
    );
  }
}
