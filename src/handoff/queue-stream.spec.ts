import { MessageEvent } from '@nestjs/common';
import { Subject } from 'rxjs';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import { AuthService } from '../auth/auth.service';
import { AuthUser } from '../auth/role';
import { HandoffEvents, HandoffQueueEvent } from './handoff-events';
import { QueueStream } from './queue-stream';

const kayes: AuthUser = { id: 'u1', email: 'cw@sira.test', role: 'caseworker', regions: ['Kayes'] };

function event(ticketId: string, region: string | null): HandoffQueueEvent {
  return {
    type: 'opened',
    ticketId,
    status: 'waiting',
    region,
    priority: 2,
    escalated: false,
    claimedBy: null,
    at: new Date(0).toISOString(),
  };
}

describe('QueueStream', () => {
  let events: Subject<HandoffQueueEvent>;
  let closing: Subject<void>;
  let verify: jest.Mock<Promise<AuthUser>, [string]>;
  let received: MessageEvent[];
  let completed: boolean;
  let sut: QueueStream;

  beforeEach(() => {
    jest.useFakeTimers();
    events = new Subject();
    closing = new Subject();
    verify = jest.fn((_token: string) => Promise.resolve(kayes));
    received = [];
    completed = false;
    sut = new QueueStream(
      {
        events$: events.asObservable(),
        closing$: closing.asObservable(),
      } as unknown as HandoffEvents,
      { verifyAccessToken: verify } as unknown as AuthService,
      { heartbeatMs: 25_000, recheckMs: 1_000 },
    );
    sut.open('token', kayes).subscribe({
      next: (m) => received.push(m),
      complete: () => (completed = true),
    });
  });

  afterEach(() => {
    closing.next();
    jest.useRealTimers();
  });

  const flush = () => jest.advanceTimersByTimeAsync(0);
  const ids = () =>
    received.map(
      (m) =>
        (m.data as { ticketId?: string; type: string }).ticketId ??
        (m.data as { type: string }).type,
    );

  it('reads the account once for a burst of events, then not again within recheckMs', async () => {
    await jest.advanceTimersByTimeAsync(1_500);
    ['a', 'b', 'c', 'd'].forEach((id) => events.next(event(id, 'Kayes')));
    await flush();

    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledWith('token');
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by the regions of the account as last read', async () => {
    verify.mockResolvedValue({ ...kayes, regions: ['Mopti'] });
    events.next(event('before', 'Kayes'));
    await jest.advanceTimersByTimeAsync(1_500);
    events.next(event('kayes', 'Kayes'));
    events.next(event('mopti', 'Mopti'));
    await flush();

    expect(ids()).toEqual(['before', 'mopti']);
  });

  it('checks the account on each heartbeat and sends a ping', async () => {
    await jest.advanceTimersByTimeAsync(25_000);

    expect(verify).toHaveBeenCalledTimes(1);
    expect(ids()).toEqual(['ping']);
  });

  it('ends with the reason once the account is refused, delivering nothing after it', async () => {
    verify.mockRejectedValue(
      new AuthException(AuthExceptionCode.ACCOUNT_DEACTIVATED, 'deactivated'),
    );
    await jest.advanceTimersByTimeAsync(1_500);
    events.next(event('late', 'Kayes'));
    await flush();

    expect(received).toEqual([{ data: { type: 'ended', reason: 'ACCOUNT_DEACTIVATED' } }]);
    expect(completed).toBe(true);
  });

  it('ends when the app shuts down', async () => {
    closing.next();
    await flush();

    expect(completed).toBe(true);
  });
});
