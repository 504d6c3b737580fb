// Paced load for `npm run bench -- --pace S`: N conversations, each on its own keep-alive connection,
// each sending one turn every S seconds, their start times spread evenly over the first S seconds.
// autocannon's connectionRate cannot do this: it rejects rates below 1/s and its per-connection
// one-second timers all start together, so every connection fires in the same instant (a burst of N).
// Latency is measured from the turn's scheduled time, so a server that falls behind shows it in the
// latency (no coordinated omission) and in achieved < offered.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PacedOptions {
  port: number;
  path: string;
  conversations: number;
  paceMs: number;
  // Turns scheduled before warmupMs are sent but not measured.
  warmupMs: number;
  durationMs: number;
  timeoutMs: number;
  // The signed form body of conversation slot c's k-th turn.
  turn: (c: number, k: number) => { body: string; signature: string };
  // Latencies are also reported per label of turn k (e.g. its step in the conversation).
  label: (k: number) => string;
}

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface PacedResult {
  offeredRps: number;
  // Responses completed inside the measured window, per second.
  achievedRps: number;
  // Turns scheduled in the measured window (all awaited, even if they finish after it, unless abandoned).
  measured: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  byLabel: Record<string, Percentiles>;
  // Measured turns sent more than 100 ms after their scheduled time (the server was behind).
  late: number;
  // Turns scheduled in the window but never sent: the run gave up timeoutMs after its end.
  abandoned: number;
  // Every turn sent, warm-up included.
  sent: number;
  non2xx: number;
  errors: number;
  answered: number;
}

interface Outcome {
  status: number;
  body: string;
}

function post(
  agent: Agent,
  opts: PacedOptions,
  payload: { body: string; signature: string },
): Promise<Outcome | Error> {
  return new Promise((done) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: opts.port,
        path: opts.path,
        method: 'POST',
        timeout: opts.timeoutMs,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(payload.body),
          'x-twilio-signature': payload.signature,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', done);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', done);
    req.end(payload.body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
  };
}

export async function paced(opts: PacedOptions): Promise<PacedResult> {
  const t0 = performance.now() + 50;
  const measureFrom = t0 + opts.warmupMs;
  const end = measureFrom + opts.durationMs;
  // Turns scheduled in the window are all sent, late or not; past this, a stuck run gives up.
  const giveUp = end + opts.timeoutMs;
  const latencies: number[] = [];
  const byLabel = new Map<string, number[]>();
  let completedInWindow = 0;
  let late = 0;
  let abandoned = 0;
  let sent = 0;
  let non2xx = 0;
  let errors = 0;
  let answered = 0;

  const conversation = async (c: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const start = t0 + (opts.paceMs * c) / opts.conversations;
    for (let k = 0; ; k++) {
      const due = start + k * opts.paceMs;
      if (due >= end) break;
      if (performance.now() > giveUp) {
        for (let j = k; start + j * opts.paceMs < end; j++) {
          if (start + j * opts.paceMs >= measureFrom) abandoned++;
        }
        break;
      }
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const sentLate = performance.now() - due > 100;
      sent++;
      const outcome = await post(agent, opts, opts.turn(c, k));
      const finished = performance.now();
      if (finished >= measureFrom && finished < end) completedInWindow++;
      if (due < measureFrom) continue;
      if (sentLate) late++;
      if (outcome instanceof Error) {
        errors++;
        continue;
      }
      if (outcome.status < 200 || outcome.status > 299) non2xx++;
      else if (outcome.body.includes('<Message>')) answered++;
      latencies.push(finished - due);
      const label = opts.label(k);
      byLabel.set(label, [...(byLabel.get(label) ?? []), finished - due]);
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: opts.conversations }, (_, c) => conversation(c)));

  return {
    offeredRps: (opts.conversations * 1000) / opts.paceMs,
    achievedRps: (completedInWindow * 1000) / opts.durationMs,
    measured: latencies.length + errors + abandoned,
    ...percentiles(latencies),
    byLabel: Object.fromEntries(
      [...byLabel].map(([label, values]) => [label, percentiles(values)]),
    ),
    late,
    abandoned,
    sent,
    non2xx,
    errors,
    answered,
  };
}
