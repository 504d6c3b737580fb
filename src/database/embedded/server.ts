import * as net from 'node:net';
import { Logger } from '@nestjs/common';
import type { Document } from 'bson';
import { runCommand } from './commands';
import { CursorStore } from './cursors';
import { Engine } from './engine';
import {
  encodeLegacyReply,
  encodeMsgReply,
  HEADER_SIZE,
  MAX_MESSAGE_SIZE,
  parseRequest,
  readHeader,
} from './wire';

export interface EmbeddedServerOptions {
  // Directory for the journal and snapshots; null keeps everything in memory.
  dataDir: string | null;
  // 0 or absent: a random free port.
  port?: number;
}

const COMPACT_EVERY_MS = 60_000;
const TTL_EVERY_MS = 60_000;
// The timer compacts a journal past 1 MB; past 32 MB it happens right after the write.
const COMPACT_MIN_BYTES = 1024 * 1024;
const COMPACT_NOW_BYTES = 32 * 1024 * 1024;

// An in-process server speaking the MongoDB wire protocol on 127.0.0.1, for development and tests.
export class EmbeddedMongoServer {
  private readonly logger = new Logger(EmbeddedMongoServer.name);
  private readonly cursors = new CursorStore();
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  private engine: Engine | null = null;
  private timers: NodeJS.Timeout[] = [];
  private connectionCount = 0;
  private requestCount = 0;

  async start(opts: EmbeddedServerOptions): Promise<{ uri: string }> {
    if (this.server) throw new Error('embedded database already started');
    const { engine, warnings } = Engine.open(opts.dataDir);
    warnings.forEach((w) => this.logger.warn(w));
    this.engine = engine;
    const server = net.createServer((socket) => this.accept(socket));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
      });
    } catch (err) {
      engine.close();
      this.engine = null;
      throw err;
    }
    this.server = server;
    this.timers.push(setInterval(() => this.expireDocuments(), TTL_EVERY_MS));
    if (opts.dataDir) this.timers.push(setInterval(() => this.compactIfLarge(), COMPACT_EVERY_MS));
    this.timers.forEach((t) => t.unref());
    const { port } = server.address() as net.AddressInfo;
    return { uri: `mongodb://127.0.0.1:${port}` };
  }

  // Forces journaled writes to stable storage (they already survive a process crash).
  flush(): void {
    this.engine?.flush();
  }

  async stop(): Promise<void> {
    this.timers.forEach((t) => clearInterval(t));
    this.timers = [];
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    this.cursors.clear();
    this.engine?.close();
    this.engine = null;
  }

  private compactIfLarge(threshold = COMPACT_MIN_BYTES): void {
    if (!this.engine || this.engine.journalBytes < threshold) return;
    try {
      this.engine.compact();
    } catch (err) {
      this.logger.error(`journal compaction failed: ${(err as Error).message}`);
    }
  }

  private expireDocuments(): void {
    try {
      this.engine?.expire(new Date());
    } catch (err) {
      this.logger.error(`TTL expiry failed: ${(err as Error).message}`);
    }
  }

  private accept(socket: net.Socket): void {
    const connectionId = ++this.connectionCount;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffered: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      while (buffered.length >= 4) {
        const length = buffered.readInt32LE(0);
        if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE) {
          this.drop(socket, `bad message length ${length}`);
          return;
        }
        if (buffered.length < length) break;
        const message = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        if (!this.handle(socket, message, connectionId)) return;
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  // Parses, runs and answers one message; a malformed one closes this connection only.
  private handle(socket: net.Socket, message: Buffer, connectionId: number): boolean {
    const header = readHeader(message);
    let request;
    try {
      request = parseRequest(message, header);
    } catch (err) {
      this.drop(socket, (err as Error).message);
      return false;
    }
    const reply = this.execute(request.command, connectionId);
    if (request.moreToCome || socket.destroyed) return true;
    socket.write(this.encode(reply, header.requestId, request.legacy));
    return true;
  }

  private encode(reply: Document, responseTo: number, legacy: boolean): Buffer {
    const requestId = ++this.requestCount;
    const encode = legacy ? encodeLegacyReply : encodeMsgReply;
    try {
      return encode(reply, requestId, responseTo);
    } catch (err) {
      // E.g. a document too large to serialise: answer with an error rather than crash.
      const error = {
        ok: 0,
        errmsg: (err as Error).message,
        code: 10334,
        codeName: 'BSONObjectTooLarge',
      };
      return encode(error, requestId, responseTo);
    }
  }

  private execute(command: Document, connectionId: number): Document {
    if (!this.engine)
      return { ok: 0, errmsg: 'server is shutting down', code: 91, codeName: 'ShutdownInProgress' };
    let reply: Document;
    try {
      reply = runCommand(command, { engine: this.engine, cursors: this.cursors, connectionId });
    } catch (err) {
      // Only a failed journal write lands here: the client must not take the write as durable.
      this.logger.error(`journal write failed: ${(err as Error).message}`);
      return { ok: 0, errmsg: (err as Error).message, code: 1, codeName: 'InternalError' };
    }
    this.compactIfLarge(COMPACT_NOW_BYTES);
    return reply;
  }

  private drop(socket: net.Socket, reason: string): void {
    this.logger.warn(`closing connection: ${reason}`);
    socket.destroy();
  }
}
