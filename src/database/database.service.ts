import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { EmbeddedDatabaseService } from './embedded-database.service';

@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly embedded: EmbeddedDatabaseService,
  ) {}

  // Round trip to the server (for health checks beyond the connection state).
  async ping(): Promise<void> {
    if (!this.connection.db) throw new Error('database connection is not open');
    await this.connection.db.admin().command({ ping: 1 });
  }

  get usesEmbeddedServer(): boolean {
    return this.embedded.running;
  }

  // Close the client first, then stop the embedded server (journal flushed, snapshot written).
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
    await this.embedded.stop();
  }
}
