import { extname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { Logger, type LogLevel } from '@nestjs/common';
import type { EmbeddedServerOptions } from './server';

// Messages between the main thread and the worker running the embedded server (thread-worker.ts).
export type ToWorker = { type: 'stop' };
export type FromWorker =
  | { type: 'started'; uri: string }
  | { type: 'failed'; message: string }
  | { type: 'log'; level: LogLevel; message: string; context?: string }
  | { type: 'stopped' };

export interface EmbeddedThreadOptions extends EmbeddedServerOptions {
  // Old-generation cap of the worker's heap in MB; absent: V8's default for this machine.
  maxHeapMb?: number;
}

const ENTRY = join(__dirname, `thread-worker${extname(__filename)}`);
// A worker that does not stop within this bound is terminated (its journal writes are already in the kernel).
const STOP_TIMEOUT_MS = 10_000;

function spawnWorker(opts: EmbeddedThreadOptions): Worker {
  // --max-old-space-size caps every isolate of the process and overrides resourceLimits: it is meant
  // for the app thread, so it is cleared before the worker's heap is configured (the app keeps its cap).
  setFlagsFromString('--max-old-space-size=0');
  const workerData: EmbeddedServerOptions = { dataDir: opts.dataDir, port: opts.port };
  const resourceLimits = opts.maxHeapMb ? { maxOldGenerationSizeMb: opts.maxHeapMb } : undefined;
  // The process's preloads (ts-node, the bench profiler) are not the worker's business.
  const common = { workerData, resourceLimits, execArgv: [] };
  if (ENTRY.endsWith('.js')) return new Worker(ENTRY, common);
  // Running from sources (ts-node, jest): the worker compiles its entry with ts-node.
  const tsNode = require.resolve('ts-node');
  const source = `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true }); require(${JSON.stringify(ENTRY)});`;
  return new Worker(source, { ...common, eval: true });
}

// EmbeddedMongoServer on its own thread, so the engine uses another core than the app. Same wire
// server, data directory, journal and LOCK; its logs come out of the main thread's Logger.
export class EmbeddedServerThread {
  private readonly logger = new Logger(EmbeddedServerThread.name);
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stopping = false;

  // onCrash: the worker died on its own after a successful start (e.g. out of memory).
  constructor(private readonly onCrash: (error: Error) => void) {}

  async start(opts: EmbeddedThreadOptions): Promise<{ uri: string }> {
    if (this.worker) throw new Error('embedded database already started');
    const worker = spawnWorker(opts);
    this.worker = worker;
    this.stopping = false;
    let started = false;
    let failure: Error | null = null;
    let resolveStart!: (uri: string) => void;
    let rejectStart!: (error: Error) => void;
    const startup = new Promise<string>((resolve, reject) => {
      resolveStart = resolve;
      rejectStart = reject;
    });
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'log') this.forward(message);
      else if (message.type === 'started') {
        started = true;
        resolveStart(message.uri);
      } else if (message.type === 'failed') failure = new Error(message.message);
    });
    worker.on('error', (error) => (failure = error));
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        this.worker = null;
        resolve();
        const reason = failure ?? new Error(`embedded database worker exited with code ${code}`);
        if (!started) rejectStart(reason);
        else if (!this.stopping) this.onCrash(reason);
      }),
    );
    const uri = await startup;
    // Running, the worker does not by itself keep the process alive: the app's handles decide.
    worker.unref();
    return { uri };
  }

  // Flushes the journal, writes a snapshot, releases the LOCK and ends the worker.
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopping = true;
    worker.ref();
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
    const timer = setTimeout(() => {
      this.logger.error(
        `embedded database worker did not stop in ${STOP_TIMEOUT_MS} ms, terminating it`,
      );
      void worker.terminate();
    }, STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private forward({ level, message, context }: Extract<FromWorker, { type: 'log' }>): void {
    const logger = new Logger(context ?? EmbeddedServerThread.name);
    if (level === 'fatal' || level === 'error') logger.error(message);
    else if (level === 'warn') logger.warn(message);
    else if (level === 'debug') logger.debug(message);
    else if (level === 'verbose') logger.verbose(message);
    else logger.log(message);
  }
}
