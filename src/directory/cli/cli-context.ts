process.env.DOTENV_CONFIG_QUIET = 'true';

import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { I18nModule } from '../../common/i18n/i18n.module';
import { StderrLogger } from '../../common/stderr-logger';
import { ConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { DirectoryCoreModule } from '../directory-core.module';

// Only what the directory commands need: configuration, the database and the directory core (no HTTP).
@Module({ imports: [ConfigModule, I18nModule, DatabaseModule, DirectoryCoreModule] })
class DirectoryCliModule {}

export async function withDirectory<T>(
  run: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(DirectoryCliModule, {
    logger: new StderrLogger(),
  });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}
