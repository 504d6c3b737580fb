import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig } from '../../src/config/app-config';
import { databaseUri, startTestDatabase, TestDatabase } from './database';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  config: AppConfig;
  db: TestDatabase;
  close(): Promise<void>;
}

// Extra modules and provider overrides, e.g. a test bot bound to SIRA_BOT (see test/harness/twilio.ts).
export interface TestAppOptions {
  imports?: ModuleMetadata['imports'];
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

// Boots the whole AppModule on a random port against a fresh database of the test server.
// Pass `db` to run several instances on one database.
export async function createTestApp(
  env: Record<string, string> = {},
  db?: TestDatabase,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = db ?? (await startTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'sira-test-'));
  const dbName = env.TEST_DB_NAME ?? `sira_test_${randomBytes(4).toString('hex')}`;
  const config = AppConfig.load({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    MONGODB_URI: databaseUri(database.uri, dbName),
    ...env,
  });
  const builder = Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] })
    .overrideProvider(AppConfig)
    .useValue(config);
  const moduleRef = await (options.override ? options.override(builder) : builder).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    db: database,
    async close() {
      await app.close();
      if (!db) await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
