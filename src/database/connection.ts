import { Logger } from '@nestjs/common';
import mongoose from 'mongoose';
import { DatabaseException, DatabaseExceptionCode } from './database.exception';

const logger = new Logger('Database');

// Used when the URI names no database, and by the embedded server.
export const DEFAULT_DB_NAME = 'sira';

// "mongodb+srv://user:secret@a.example.org,b.example.org/sira?x=1" → "a.example.org,b.example.org".
export function describeHosts(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri);
  return match ? match[1] : 'the configured MongoDB host';
}

// The database named in the URI's path, or null ("mongodb://host:27017/?x=1" names none).
export function databaseNameOf(uri: string): string | null {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]+\/([^?]*)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

// Removes any user:password@ a driver error may echo back.
export const redactCredentials = (text: string): string =>
  text.replace(/(mongodb(?:\+srv)?:\/\/)[^@/\s]*@/g, '$1***@');

export interface RetryOptions {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  serverSelectionTimeoutMS: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 8,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  serverSelectionTimeoutMS: 5000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Waits until the server answers a ping, retrying with exponential backoff; then fails naming the host.
export async function waitForMongo(
  uri: string,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<void> {
  const host = describeHosts(uri);
  let delay = options.initialDelayMs;
  let lastError = '';
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const probe = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS,
      autoCreate: false,
      autoIndex: false,
    });
    try {
      await probe.asPromise();
      await probe.db?.admin().command({ ping: 1 });
      return;
    } catch (err) {
      lastError = redactCredentials(err instanceof Error ? err.message : String(err));
      if (attempt < options.attempts) {
        logger.warn(
          `MongoDB at ${host} not reachable (attempt ${attempt}/${options.attempts}), retrying in ${delay} ms`,
        );
        await sleep(delay);
        delay = Math.min(delay * 2, options.maxDelayMs);
      }
    } finally {
      await probe.close().catch(() => undefined);
    }
  }
  throw new DatabaseException(
    DatabaseExceptionCode.UNREACHABLE,
    `MongoDB at ${host} is unreachable after ${options.attempts} attempts: ${lastError}`,
  );
}
