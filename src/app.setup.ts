import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Application, json, urlencoded } from 'express';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { wellFormedJsonReviver } from './common/http/well-formed-json';
import { apiRateLimit } from './common/http/api-rate-limit';
import { AppConfig } from './config/app-config';

// Shared by main.ts and the e2e harness so tests run the same HTTP stack as production.
export function configureApp(app: INestApplication): void {
  // Before the body parsers: a refused request costs no parsing.
  const config = app.get(AppConfig);
  // Behind a proxy, client addresses (rate limit, login throttling) come from X-Forwarded-For.
  if (config.trustProxy !== null)
    (app.getHttpAdapter().getInstance() as Application).set('trust proxy', config.trustProxy);
  app.use('/api', apiRateLimit({ limit: config.apiRateLimit, windowMs: 60_000 }));
  app.use(json({ limit: '100kb', reviver: wellFormedJsonReviver }));
  app.use(urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }));
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Sira API')
    .setDescription('Caseworker, directory and referral API of Sira')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
}
