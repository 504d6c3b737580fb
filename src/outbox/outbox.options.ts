export const OUTBOX_OPTIONS = Symbol('OUTBOX_OPTIONS');

// WhatsApp allows free-form messages only this long after the person's last message.
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface OutboxOptions {
  // Sender loop period; 0 = no loop (tests call OutboxSender.tick()).
  intervalMs: number;
  now(): Date;
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  // How long a message waits out a Twilio outage before it is marked failed.
  outageMaxMs: number;
  // How long a claimed message stays with one instance before another may take it over.
  leaseMs: number;
  // Minimum gap between two sends to one number.
  paceMs: number;
  batchSize: number;
  random(): number;
}

export const defaultOutboxOptions = (): OutboxOptions => ({
  intervalMs: 1000,
  now: () => new Date(),
  maxAttempts: 6,
  baseBackoffMs: 2000,
  maxBackoffMs: 10 * 60 * 1000,
  outageMaxMs: 24 * 60 * 60 * 1000,
  leaseMs: 60 * 1000,
  paceMs: 1000,
  batchSize: 20,
  random: Math.random,
});

// Exponential backoff with full jitter: attempt 1 waits up to base, attempt n up to base·2^(n-1).
export function backoffMs(options: OutboxOptions, attempt: number): number {
  const cap = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + (options.random() * cap) / 2);
}
