// End-to-end benchmark: Sira (built dist, embedded database, fresh DATA_DIR) against a bare node:http
// server answering the same signed Twilio webhook with a fixed TwiML reply. Both run as child
// processes on loopback and are driven by autocannon with correctly signed webhooks from a pool of
// distinct phone numbers making full dialog turns.
//   npm run bench   (both parts below at 200: max throughput and ratio, then 200 conversations paced at 2 s)
//   npm run bench -- --max-only [--connections 200 --duration 20 --pool 4000 --profile]
//   npm run bench -- --pace 1 [--connections 200 --duration 25]   (paced part only: a turn every 1 s each)
//   npm run bench -- --soak [--conversations 50000]   (stores that many conversations, reports RSS of Sira
//                                                       and of the embedded database in its own process)
//   npm run bench -- --mongodb-uri mongodb://127.0.0.1:27017   (Sira on a real mongod instead of the embedded one)
//   npm run bench -- --node-options "--max-old-space-size=256"   (node flags for Sira instead of npm start's)
// Peak RSS is the whole Sira process: the app thread and the embedded database's worker thread.
// Max throughput keeps 200 requests always in flight (queueing sets p99); the paced part is 200 people
// texting at a human pace, where the p99 target is judged. Targets are printed, not asserted.
process.env.DOTENV_CONFIG_QUIET = 'true';

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { getExpectedTwilioSignature } from 'twilio';
import { paced, PacedResult } from './bench/paced';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const num = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const SOAK = flag('soak');
const PROFILE = flag('profile');
const CONNECTIONS = num('connections', 200);
const DURATION_S = num('duration', 20);
// Paced part: seconds between one conversation's turns; measured window and unmeasured warm-up.
const PACE_GIVEN = argv.includes('--pace');
const PACE_S = num('pace', 2);
const PACED_DURATION_S = num('duration', 25);
const PACED_WARMUP_S = num('paced-warmup', 5);
const MAX_ONLY = flag('max-only');
const POOL = num('pool', 4000);
const CONVERSATIONS = num('conversations', 50_000);
// Hard bound on the soak's storing phase, whatever the conversation count.
const SOAK_MAX_S = num('soak-max-seconds', 900);
// Optional: a real MongoDB instead of the embedded database (a fresh database name is added).
const MONGODB_URI = (() => {
  const at = argv.indexOf('--mongodb-uri');
  return at >= 0 ? argv[at + 1] : undefined;
})();

// Node flags Sira runs with; by default those of `npm start` / `start:prod` (package.json).
const NODE_OPTIONS = (() => {
  const at = argv.indexOf('--node-options');
  return at >= 0 ? argv[at + 1].split(/\s+/).filter(Boolean) : undefined;
})();

const ROOT = resolve(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const BARE = join(ROOT, 'scripts', 'bench', 'bare-server.js');
const DATABASE = join(ROOT, 'scripts', 'bench', 'database-process.js');
const PROFILER = join(ROOT, 'scripts', 'bench', 'cpu-profile.js');
const SAMPLER = join(ROOT, 'scripts', 'bench', 'memory-sampler.js');
const WEBHOOK = '/webhooks/twilio/messages';
const PUBLIC_BASE_URL = 'https://bench.sira.invalid';
const AUTH_TOKEN = randomBytes(16).toString('hex');
const TO = '+22320000000';

// One conversation: need and place in the first message, consent, first service → referral code.
const SCRIPT = ['bjr jsuis a kayes jcherche du travail', '1', '1'];
const STEP_NAMES = ['first message', 'consent', 'referral'];

interface Target {
  name: string;
  child: ChildProcess;
  port: number;
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  answered: number;
  peakRssMb: number;
  // Peak V8 heap of Sira's app thread (main thread only), when sampled.
  appHeapMb?: number;
  // The app thread's heap in use after a full GC at the end of the run (with --node-options --expose-gc).
  appLiveMb?: number;
  // CPU time per request over the run (ms): the whole process, and its main (app) thread alone.
  cpuMsPerRequest: number;
  appCpuMsPerRequest: number;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

// Children are killed if the bench itself dies.
const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

// Peak and current resident set of a process, from the kernel (MB); zero once it is gone.
function memory(pid: number): { hwm: number; rss: number } {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { hwm: 0, rss: 0 };
  }
  const kb = (field: string) =>
    Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
  return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
}

// Resets the kernel's peak RSS (VmHWM) of a child to its current RSS (Linux clear_refs).
function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // older kernels: the peak then includes the warm-up
  }
}

// The node flags before dist/src/main.js in package.json's start:prod.
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = /\bnode\s+(.*?)\s*dist\/src\/main\.js/.exec(pkg.scripts['start:prod'] ?? '');
  return command ? command[1].split(/\s+/).filter(Boolean) : [];
}

// CPU time (user + system, ms) of a process and of its main thread, from the kernel. Unlike req/s on a
// shared machine, CPU per request does not depend on what else runs.
const TICK_MS = 10; // USER_HZ = 100 on Linux
function cpuMs(pid: number): { process: number; main: number } {
  const read = (file: string) => {
    try {
      const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      return 0;
    }
  };
  return { process: read(`/proc/${pid}/stat`), main: read(`/proc/${pid}/task/${pid}/stat`) };
}

function ensureBuilt(): void {
  if (existsSync(MAIN)) return;
  console.log('dist/src/main.js is missing: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(MAIN)) throw new Error('build failed');
}

async function startSira(dataDir: string, mongodbUri = MONGODB_URI): Promise<Target> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.MONGODB_URI;
  if (mongodbUri) {
    const [base, query] = mongodbUri.split('?');
    const host = base.replace(/^(mongodb(?:\+srv)?:\/\/[^/]+)(\/.*)?$/, '$1');
    env.MONGODB_URI = `${host}/sira_bench_${Date.now()}${query ? `?${query}` : ''}`;
  }
  delete env.TWILIO_ACCOUNT_SID;
  Object.assign(env, {
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    DIRECTORY_DEMO_SEED: 'on',
    BENCH_PROFILE_FILE: join(ROOT, `bench-${Date.now()}.cpuprofile`),
  });
  const args = [
    ...(NODE_OPTIONS ?? startFlags()),
    '-r',
    SAMPLER,
    ...(PROFILE ? ['-r', PROFILER] : []),
    MAIN,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  child.stdout!.resume();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Sira exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return { name: 'sira', child, port };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error(`Sira did not become healthy in 90 s: ${stderr}`);
}

async function startBare(): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [BARE], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      PUBLIC_BASE_URL,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  await new Promise<void>((done, fail) => {
    child.stdout!.once('data', () => done());
    child.once('exit', (code) => fail(new Error(`bare server exited (${code})`)));
  });
  return { name: 'bare', child, port };
}

// The embedded database in its own process, on its own journal directory.
async function startDatabase(dataDir: string): Promise<{ child: ChildProcess; uri: string }> {
  const child = spawn(process.execPath, [DATABASE], {
    env: { PATH: process.env.PATH, BENCH_DB_DIR: join(dataDir, 'db') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const uri = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const ready = /^ready (\S+)/m.exec(out);
      if (ready) done(ready[1]);
    });
    child.once('exit', (code) => fail(new Error(`database process exited (${code})`)));
  });
  return { child, uri };
}

const phone = (i: number) => `+22370${String(i).padStart(6, '0')}`;

// Request n goes to phone n % pool at step floor(n / pool) of its conversation: with pool > connections
// a phone never has two turns in flight, and every turn continues its own persisted conversation.
class Driver {
  private n = 0;

  constructor(
    private readonly pool: number,
    private readonly offset = 0,
  ) {}

  next(): { body: string; signature: string } {
    const n = this.n++;
    return signed(
      phone(this.offset + (n % this.pool)),
      SCRIPT[Math.floor(n / this.pool) % SCRIPT.length],
    );
  }
}

// A Twilio inbound-message webhook body and its X-Twilio-Signature.
function signed(from: string, text: string): { body: string; signature: string } {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const params: Record<string, string> = {
    AccountSid: `AC${'1'.repeat(32)}`,
    ApiVersion: '2010-04-01',
    MessageSid: sid,
    SmsMessageSid: sid,
    SmsSid: sid,
    From: from,
    To: TO,
    Body: text,
    NumMedia: '0',
    NumSegments: '1',
  };
  return {
    body: new URLSearchParams(params).toString(),
    signature: getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${WEBHOOK}`, params),
  };
}

async function drive(
  target: Target,
  driver: Driver,
  opts: { connections: number; duration?: number; amount?: number },
): Promise<Measured> {
  let answered = 0;
  let peak = 0;
  const cpuBefore = cpuMs(target.child.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, memory(target.child.pid!).rss)), 200);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}${WEBHOOK}`,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { body, signature } = driver.next();
          return {
            ...req,
            body,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': signature,
            },
          };
        },
        onResponse: (status, body) => {
          if (status === 200 && body.includes('<Message>')) answered++;
        },
      },
    ],
  });
  clearInterval(sampler);
  const cpuAfter = cpuMs(target.child.pid!);
  const perRequest = (ms: number) => ms / Math.max(1, result.requests.total);
  const { hwm } = memory(target.child.pid!);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    answered,
    peakRssMb: Math.max(hwm, peak),
    cpuMsPerRequest: perRequest(cpuAfter.process - cpuBefore.process),
    appCpuMsPerRequest: perRequest(cpuAfter.main - cpuBefore.main),
  };
}

async function stop(target: Target): Promise<void> {
  if (target.child.exitCode !== null) return;
  if (target.child.connected) target.child.disconnect();
  const exited = new Promise((done) => target.child.once('exit', done));
  target.child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (target.child.exitCode === null) target.child.kill('SIGKILL');
}

const fmt = (m: Measured) =>
  `${m.rps.toFixed(0).padStart(7)} req/s  p50 ${String(m.p50).padStart(4)} ms  p99 ${String(m.p99).padStart(4)} ms  ` +
  `peak RSS ${m.peakRssMb.toFixed(0).padStart(4)} MB` +
  (m.appHeapMb === undefined ? '' : ` (app thread heap ${m.appHeapMb.toFixed(0)} MB)`) +
  (m.appLiveMb === undefined ? '' : ` (app live after GC ${m.appLiveMb.toFixed(0)} MB)`) +
  `  CPU ${m.cpuMsPerRequest.toFixed(2)} ms/request (app thread ${m.appCpuMsPerRequest.toFixed(2)})` +
  `  (${m.requests} requests, ${m.answered} answered inline, ${m.non2xx} non-2xx, ${m.errors} errors)`;

function verdict(label: string, ok: boolean, detail: string): string {
  return `  ${ok ? 'met   ' : 'MISSED'} ${label}: ${detail}`;
}

const ask = (child: ChildProcess, message: string, answer: string) =>
  new Promise<void>((done) => {
    const listen = (m: unknown) => m === answer && (child.off('message', listen), done());
    child.on('message', listen);
    child.send(message);
  });

// The app thread's heap peaks since the last call (scripts/bench/memory-sampler.js).
const appHeap = (child: ChildProcess) =>
  new Promise<{ heapTotal: number; live?: number }>((done) => {
    const listen = (m: unknown) => {
      const memory = (m as { memory?: { heapTotal: number; live?: number } }).memory;
      if (!memory) return;
      child.off('message', listen);
      done(memory);
    };
    child.on('message', listen);
    child.send('memory:report');
  });

async function profileWindow(sira: Target, run: () => Promise<Measured>): Promise<Measured> {
  if (!PROFILE) return run();
  await ask(sira.child, 'profile:start', 'profile:started');
  const measured = await run();
  await ask(sira.child, 'profile:stop', 'profile:written');
  console.log(
    'CPU profile written next to package.json (bench-*.cpuprofile): npx ts-node -T scripts/bench/profile-summary.ts FILE',
  );
  return measured;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function benchmark(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sira-bench-'));
  const targets: Target[] = [];
  try {
    console.log(
      `== max throughput: ${CONNECTIONS} connections back to back (${CONNECTIONS} requests always in flight), ` +
        `${DURATION_S} s each, Sira vs bare ==`,
    );
    console.log(
      `${cpus().length} CPUs, node ${process.version}; pool ${POOL} phones; load average ${load()}; ` +
        `Sira's node flags: ${(NODE_OPTIONS ?? startFlags()).join(' ') || 'none'}`,
    );
    const sira = await startSira(dataDir);
    targets.push(sira);
    const bare = await startBare();
    targets.push(bare);

    // Warm-up: JIT, directory caches, the first conversations' documents.
    const siraDriver = new Driver(POOL);
    await drive(sira, siraDriver, { connections: 20, amount: 600 });
    await drive(bare, new Driver(POOL), { connections: 20, amount: 2000 });

    await appHeap(sira.child);
    const s = await profileWindow(sira, () =>
      drive(sira, siraDriver, { connections: CONNECTIONS, duration: DURATION_S }),
    );
    const heap = await appHeap(sira.child);
    s.appHeapMb = heap.heapTotal;
    s.appLiveMb = heap.live;
    const b = await drive(bare, new Driver(POOL), {
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    const ratio = s.rps / b.rps;
    console.log(`\nsira  ${fmt(s)}`);
    console.log(`bare  ${fmt(b)}`);
    console.log(`\nratio sira/bare ${ratio.toFixed(3)}`);
    console.log('targets (max throughput):');
    console.log(verdict('ratio >= 0.25', ratio >= 0.25, ratio.toFixed(3)));
    console.log(verdict('RSS < 400 MB', s.peakRssMb < 400, `${s.peakRssMb.toFixed(0)} MB`));
    console.log(
      `  (p99 ${s.p99} ms here is queueing behind ${CONNECTIONS} requests in flight; the p99 target is judged paced)`,
    );
    console.log(`load average now ${load()}`);
  } finally {
    for (const t of targets) await stop(t);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// CONNECTIONS conversations at a human pace on a fresh Sira: each conversation slot sends a turn every
// PACE_S seconds, on a new phone number every SCRIPT.length turns (one whole conversation per number,
// so no number reaches the flood limit). The JIT is warmed first as in the max-throughput part (600 turns
// at 20 connections, other numbers); the paced peak RSS counts from the end of that warm-up.
async function pacedBenchmark(paceS: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sira-paced-'));
  let sira: Target | undefined;
  try {
    const offered = CONNECTIONS / paceS;
    console.log(
      `\n== paced: ${CONNECTIONS} conversations, one turn every ${paceS} s each (offered ${offered.toFixed(0)} req/s), ` +
        `fresh Sira, ${PACED_WARMUP_S} s paced warm-up + ${PACED_DURATION_S} s measured ==`,
    );
    console.log(`load average ${load()}`);
    sira = await startSira(dataDir);
    const pid = sira.child.pid!;
    await drive(sira, new Driver(200, 900_000), { connections: 20, amount: 600 });
    const warmupPeak = memory(pid).hwm;
    resetPeakRss(pid);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, memory(pid).rss)), 200);
    await appHeap(sira.child);
    const cpuBefore = cpuMs(pid);
    let r: PacedResult;
    try {
      r = await paced({
        port: sira.port,
        path: WEBHOOK,
        conversations: CONNECTIONS,
        paceMs: paceS * 1000,
        warmupMs: PACED_WARMUP_S * 1000,
        durationMs: PACED_DURATION_S * 1000,
        timeoutMs: 30_000,
        turn: (c, k) =>
          signed(
            phone(500_000 + c + CONNECTIONS * Math.floor(k / SCRIPT.length)),
            SCRIPT[k % SCRIPT.length],
          ),
        label: (k) => STEP_NAMES[k % SCRIPT.length],
      });
    } finally {
      clearInterval(sampler);
    }
    const cpuAfter = cpuMs(pid);
    const heap = await appHeap(sira.child);
    const peakRss = Math.max(memory(pid).hwm, peak);
    // CPU over the whole paced run (its paced warm-up included), per turn sent.
    const turns = Math.max(1, r.sent);
    const fixed = (n: number) => String(Math.round(n)).padStart(4);
    console.log(
      `\nsira  offered ${offered.toFixed(0)} req/s  achieved ${r.achievedRps.toFixed(0)} req/s  ` +
        `p50 ${fixed(r.p50)} ms  p90 ${fixed(r.p90)} ms  p99 ${fixed(r.p99)} ms  max ${fixed(r.max)} ms  ` +
        `peak RSS ${peakRss.toFixed(0)} MB (app thread heap ${heap.heapTotal.toFixed(0)} MB; ` +
        `${warmupPeak.toFixed(0)} MB in the closed-loop warm-up)  ` +
        `CPU ${((cpuAfter.process - cpuBefore.process) / turns).toFixed(2)} ms/turn ` +
        `(app thread ${((cpuAfter.main - cpuBefore.main) / turns).toFixed(2)})`,
    );
    console.log(
      `      ${r.measured} measured turns (latency from each turn's scheduled time): ${r.answered} answered inline, ` +
        `${r.late} sent > 100 ms late (Sira behind), ` +
        `${r.abandoned} never sent (gave up 30 s after the window), ${r.non2xx} non-2xx, ${r.errors} errors`,
    );
    for (const [step, p] of Object.entries(r.byLabel)) {
      console.log(
        `      ${step.padEnd(13)} p50 ${fixed(p.p50)} ms  p90 ${fixed(p.p90)} ms  p99 ${fixed(p.p99)} ms  (${p.count})`,
      );
    }
    console.log(`targets (${CONNECTIONS} conversations, a turn every ${paceS} s each):`);
    console.log(verdict(`p99 < 50 ms`, r.p99 < 50, `${r.p99.toFixed(0)} ms`));
    console.log(verdict('RSS < 400 MB', peakRss < 400, `${peakRss.toFixed(0)} MB`));
    console.log(`load average now ${load()}`);
  } finally {
    if (sira) await stop(sira);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Stores CONVERSATIONS conversations (one first message from each of that many numbers), then measures
// a normal run on the populated database. The embedded database runs in a process of its own (unless
// --mongodb-uri), so the service's RSS is reported apart from the database's: the embedded engine keeps
// every document in memory, mongod in production does not live in Sira's process.
async function soak(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sira-soak-'));
  let sira: Target | undefined;
  let database: { child: ChildProcess; uri: string } | undefined;
  try {
    if (!MONGODB_URI) database = await startDatabase(dataDir);
    sira = await startSira(dataDir, database?.uri ?? MONGODB_URI);
    const databaseRss = () =>
      database ? `  database process RSS ${memory(database.child.pid!).rss.toFixed(0)} MB` : '';
    const started = Date.now();
    const store = new Driver(CONVERSATIONS, 100_000);
    const batch = 5000;
    let stored = 0;
    while (stored < CONVERSATIONS && Date.now() - started < SOAK_MAX_S * 1000) {
      const amount = Math.min(batch, CONVERSATIONS - stored);
      const m = await drive(sira, store, { connections: CONNECTIONS, amount });
      stored += m.requests;
      const { rss, hwm } = memory(sira.child.pid!);
      console.log(
        `${String(stored).padStart(6)} conversations  ${m.rps.toFixed(0)} req/s  p99 ${m.p99} ms  ` +
          `Sira RSS ${rss.toFixed(0)} MB (peak ${hwm.toFixed(0)} MB)${databaseRss()}  ` +
          `non-2xx ${m.non2xx}, errors ${m.errors}`,
      );
    }
    const after = await drive(sira, new Driver(POOL), {
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    const { rss, hwm } = memory(sira.child.pid!);
    console.log(
      `\nafter ${stored} stored conversations (${((Date.now() - started) / 1000).toFixed(0)} s):`,
    );
    console.log(`sira  ${fmt(after)}`);
    console.log(`Sira RSS now ${rss.toFixed(0)} MB, peak ${hwm.toFixed(0)} MB${databaseRss()}`);
    if (database) {
      const dbBytes = spawnSync('du', ['-sm', join(dataDir, 'db')], {
        encoding: 'utf8',
      }).stdout.split('\t')[0];
      console.log(`embedded database on disk: ${dbBytes} MB`);
    }
    console.log(verdict('RSS < 400 MB (the service)', hwm < 400, `${hwm.toFixed(0)} MB`));
  } finally {
    if (sira) await stop(sira);
    if (database) await stop({ name: 'database', child: database.child, port: 0 });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const USAGE = `npm run bench -- [options]
  (none)                max throughput at 200 connections (Sira vs bare, ratio), then 200 conversations
                        paced at one turn every 2 s (p99 and RSS targets)
  --pace S              paced part only: each conversation sends one full dialog turn every S seconds
                        (offered rate, achieved req/s, p50/p90/p99 from the scheduled time, peak RSS)
  --max-only            max-throughput part only
  --connections N       concurrent connections, or paced conversations (200)
  --duration S          measured seconds per target (20 max throughput, 25 paced)
  --paced-warmup S      unmeasured paced seconds before the measured window (5)
  --pool N              distinct phone numbers (4000)
  --profile             CPU profile of Sira's app thread over the measured window
  --node-options "..."  node flags for Sira (default: those of start:prod in package.json)
  --mongodb-uri URI     Sira on that MongoDB instead of the embedded database
  --soak [--conversations N] [--soak-max-seconds S]   store N conversations, report RSS (Sira and,
                        apart, the embedded database in its own process)
Prints req/s, p50/p99, peak RSS of the whole process (app thread + database worker), the app thread's
heap peak, CPU ms per request (whole process and app thread), and the ratio Sira / bare.`;

if (flag('help')) console.log(USAGE);
else run();

function run(): void {
  ensureBuilt();
  const parts = async () => {
    if (SOAK) return soak();
    if (!PACE_GIVEN) await benchmark();
    if (!MAX_ONLY) await pacedBenchmark(PACE_S);
  };
  parts().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
