import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AppConfig } from '../config/app-config';
import { databaseNameOf, DEFAULT_DB_NAME, waitForMongo } from './connection';
import { DatabaseService } from './database.service';
import { EmbeddedDatabaseService } from './embedded-database.service';

@Module({ providers: [EmbeddedDatabaseService], exports: [EmbeddedDatabaseService] })
class EmbeddedDatabaseModule {}

// MONGODB_URI set: connect to it (waiting with backoff). Unset: start the embedded server under DATA_DIR/db.
@Global()
@Module({
  imports: [
    EmbeddedDatabaseModule,
    MongooseModule.forRootAsync({
      imports: [EmbeddedDatabaseModule],
      inject: [AppConfig, EmbeddedDatabaseService],
      useFactory: async (config: AppConfig, embedded: EmbeddedDatabaseService) => {
        if (!config.mongodbUri)
          return { uri: await embedded.start(config.dataDir), retryAttempts: 0 };
        await waitForMongo(config.mongodbUri);
        // A URI without a database name uses Sira's rather than the driver's "test".
        const dbName = databaseNameOf(config.mongodbUri) ? undefined : DEFAULT_DB_NAME;
        return { uri: config.mongodbUri, dbName, retryAttempts: 0 };
      },
    }),
  ],
  providers: [DatabaseService],
  exports: [MongooseModule, DatabaseService],
})
export class DatabaseModule {}
