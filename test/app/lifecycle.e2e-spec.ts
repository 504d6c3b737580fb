import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authHeader, login } from '../harness/auth';
import { inboundParams, MESSAGES_WEBHOOK, postTwilio, twimlMessages } from '../harness/twilio';

// The real service as a separate process: bad configuration, kill -9 and SIGTERM.
const ROOT = join(__dirname, '../..');
const AUTH_TOKEN = 'lifecycle-auth-token-0123';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Service {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startService(env: Record<string, string>): Service {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_QUIET: 'true', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exited };
}

async function waitHealthy(baseUrl: string, service: Service): Promise<void> {
  const deadline = Date.now() + 90_000;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    const res = await fetch(`${baseUrl}/health`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`service did not become healthy:\n${service.stderr()}`);
}

describe('service lifecycle', () => {
  const dirs: string[] = [];
  const running: Service[] = [];

  afterAll(() => {
    for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('refuses bad configuration with one line per variable', async () => {
    const sut = startService({ PORT: 'abc', MONGODB_URI: 'postgres://db', DATA_DIR: tmpdir() });
    const { code } = await sut.exited;
    expect(code).toBe(1);
    const lines = sut.stderr().trim().split('\n');
    expect(lines.some((l) => /PORT: /.test(l))).toBe(true);
    expect(lines.some((l) => /MONGODB_URI: /.test(l))).toBe(true);
  });

  it('keeps acknowledged data across kill -9 and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sira-lifecycle-'));
    dirs.push(dataDir);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: baseUrl,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    };
    const target = {
      baseUrl,
      config: { twilioAuthToken: AUTH_TOKEN, publicBaseUrl: baseUrl },
    } as Parameters<typeof postTwilio>[0];
    const message = inboundParams({ from: '+22376000001', body: 'AGENT' });
    const waitingTickets = async (): Promise<string[]> => {
      const { ADMIN_PASSWORD } = JSON.parse(
        readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8'),
      );
      const { token } = await login(baseUrl, 'admin@sira.local', ADMIN_PASSWORD);
      const res = await fetch(`${baseUrl}/api/handoffs?status=waiting`, {
        headers: authHeader(token),
      });
      return ((await res.json()) as { id: string }[]).map((t) => t.id);
    };

    const first = startService(env);
    running.push(first);
    await waitHealthy(baseUrl, first);
    const reply = await postTwilio(target, MESSAGES_WEBHOOK, message);
    expect(reply.status).toBe(200);
    expect(twimlMessages(reply.body).length).toBeGreaterThan(0);
    const tickets = await waitingTickets();
    expect(tickets).toHaveLength(1);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    // Twilio retries the same message after the crash: the stored turn answers, identically.
    const second = startService(env);
    running.push(second);
    await waitHealthy(baseUrl, second);
    const retried = await postTwilio(target, MESSAGES_WEBHOOK, message);
    expect(retried.status).toBe(200);
    expect(twimlMessages(retried.body)).toEqual(twimlMessages(reply.body));
    expect(await waitingTickets()).toEqual(tickets);

    // Nest re-raises the signal once its shutdown hooks are done; the released lock shows they ran.
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(existsSync(join(dataDir, 'db', 'LOCK'))).toBe(false);
  });
});
