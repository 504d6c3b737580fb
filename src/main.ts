process.env.DOTENV_CONFIG_QUIET = 'true';

import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig, ConfigError } from './config/app-config';

async function bootstrap(): Promise<void> {
  // Fail fast, one line per bad variable, before anything else starts.
  try {
    AppConfig.load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app);
  const config = app.get(AppConfig);
  await app.listen(config.port);
  app.get(Logger).log(`Sira listening on port ${config.port} (${config.nodeEnv})`, 'Bootstrap');
}

void bootstrap();
