// Entry of the worker thread started by EmbeddedServerThread (thread.ts): runs the embedded server,
// forwards its logs to the main thread, and stops (flush, snapshot, LOCK released) when asked.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import { EmbeddedMongoServer, type EmbeddedServerOptions } from './server';
import type { FromWorker, ToWorker } from './thread';

function forwardingLogger(port: MessagePort): LoggerService {
  // Nest passes the logger's context as the last argument.
  const post =
    (level: LogLevel) =>
    (message: unknown, ...rest: unknown[]) => {
      const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
      port.postMessage({
        type: 'log',
        level,
        message: String(message),
        context,
      } satisfies FromWorker);
    };
  return {
    log: post('log'),
    error: post('error'),
    warn: post('warn'),
    debug: post('debug'),
    verbose: post('verbose'),
    fatal: post('fatal'),
  };
}

async function run(port: MessagePort, opts: EmbeddedServerOptions): Promise<void> {
  Logger.overrideLogger(forwardingLogger(port));
  const server = new EmbeddedMongoServer();
  try {
    const { uri } = await server.start(opts);
    port.postMessage({ type: 'started', uri } satisfies FromWorker);
  } catch (err) {
    port.postMessage({ type: 'failed', message: (err as Error).message } satisfies FromWorker);
    port.close();
    return;
  }
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'stop') return;
    server.flush();
    void server.stop().then(() => {
      port.postMessage({ type: 'stopped' } satisfies FromWorker);
      port.close();
    });
  });
}

if (parentPort) void run(parentPort, workerData as EmbeddedServerOptions);
