import helmet from '@fastify/helmet';
import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { INGEST_LIMITS } from '@app/contracts';
import { AppModule, RuntimeResources } from './app.module';
import { AppConfig } from './config/app-config';
import { buildApiDocument } from './openapi/api-document';
import { acceptJsonBodiesOnly } from './openapi/json-only-bodies';
import { documentedQueryParameters, KnownQueryParameters } from './openapi/known-query-parameters';
import { WallSocketAdapter } from './realtime/wall-socket-adapter';
import { registerAbuseLimits } from './security/abuse-limits';
import { clientErrorHandler, frameworkErrors } from './security/client-error';
import { registerWallStatic } from './wall/wall-static';

export interface CreateAppOptions {
  logLevels?: LogLevel[];
}

/** Builds the application exactly as production runs it; tests use this too. */
export async function createApp(
  config: AppConfig,
  runtime: RuntimeResources,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Slightly above the event limit so the envelope of a maximal batch fits; larger gets 413.
    bodyLimit: INGEST_LIMITS.maxBodyBytes,
    // Only the proxies named in TRUST_PROXY may set the client address (rate limits, audit).
    trustProxy: config.trustProxy,
    // Requests refused by the HTTP parser (e.g. a URL over 16 KB) answer in the API's error shape too.
    clientErrorHandler,
    frameworkErrors,
  });
  const logger = new ConsoleLogger({
    json: config.logFormat === 'json',
    logLevels: options.logLevels ?? ['log', 'warn', 'error', 'fatal'],
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, runtime), adapter, {
    logger,
    abortOnError: false,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI and the wall screen use inline styles; scripts stay same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
      },
    },
  });
  await registerAbuseLimits(app, config);
  const document = buildApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  app.useGlobalInterceptors(new KnownQueryParameters(documentedQueryParameters(document)));
  acceptJsonBodiesOnly(app);
  app.useWebSocketAdapter(new WallSocketAdapter(app, config));
  await registerWallStatic(app);
  app.enableShutdownHooks();
  return app;
}
