process.env.DOTENV_CONFIG_QUIET = 'true';

import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditService } from '../../audit/audit.service';
import { AuditEntry, AuditEntrySchema } from '../../audit/schemas/audit-entry.schema';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { StderrLogger } from '../../common/stderr-logger';
import { ConfigModule } from '../../config/config.module';
import { ContactsModule } from '../../contacts/contacts.module';
import { DatabaseModule } from '../../database/database.module';
import { PrivacyService } from '../privacy.service';

// Only what the privacy commands need (no HTTP, no jobs). With the embedded database, stop the
// service first: both would open DATA_DIR/db.
@Module({
  imports: [
    ConfigModule,
    CryptoModule,
    DatabaseModule,
    ContactsModule,
    MongooseModule.forFeature([{ name: AuditEntry.name, schema: AuditEntrySchema }]),
  ],
  providers: [AuditService, PrivacyService],
})
class PrivacyCliModule {}

// The operator running the command, for the audit log.
export const cliActor = () => {
  const who = process.env.SUDO_USER ?? process.env.USER ?? 'unknown';
  return { id: `cli:${who}`, email: `${who}@cli` };
};

export function runPrivacyCommand(run: (privacy: PrivacyService) => Promise<number>): void {
  let app: INestApplicationContext | undefined;
  NestFactory.createApplicationContext(PrivacyCliModule, { logger: new StderrLogger() })
    .then(async (context) => {
      app = context;
      return run(context.get(PrivacyService));
    })
    .then(
      async (code) => {
        await app?.close();
        process.exit(code);
      },
      async (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        await app?.close().catch(() => undefined);
        process.exit(1);
      },
    );
}
