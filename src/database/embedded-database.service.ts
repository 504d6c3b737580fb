import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { DEFAULT_DB_NAME } from './connection';
import { DatabaseException, DatabaseExceptionCode } from './database.exception';
import { EmbeddedServerThread } from './embedded/thread';

// Owns the embedded server when no MONGODB_URI is configured; it runs on a worker thread.
@Injectable()
export class EmbeddedDatabaseService {
  private readonly logger = new Logger(EmbeddedDatabaseService.name);
  private server: EmbeddedServerThread | null = null;

  get running(): boolean {
    return this.server !== null;
  }

  // Starts the server persisting under `${dataDir}/db`; resolves to a URI with the database name.
  async start(dataDir: string): Promise<string> {
    const dir = join(dataDir, 'db');
    const server = new EmbeddedServerThread((error) => this.crashed(error));
    try {
      const { uri } = await server.start({ dataDir: dir });
      this.server = server;
      this.logger.log(
        `embedded database listening on ${uri.replace('mongodb://', '')}, data in ${dir}`,
      );
      return `${uri}/${DEFAULT_DB_NAME}`;
    } catch (err) {
      throw new DatabaseException(
        DatabaseExceptionCode.EMBEDDED_START_FAILED,
        `embedded database could not start in ${dir}: ${(err as Error).message}`,
      );
    }
  }

  // Flushes the journal to disk, writes a snapshot and releases the data directory.
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await server.stop();
    this.logger.log('embedded database stopped');
  }

  // Without its database the service cannot answer: exit so the supervisor restarts it. Every
  // acknowledged write is already in the journal.
  private crashed(error: Error): void {
    this.server = null;
    this.logger.error(`embedded database worker died, exiting: ${error.message}`);
    process.exit(1);
  }
}
