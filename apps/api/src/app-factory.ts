import helmet from '@fastify/helmet';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import type { Logger as PinoInstance } from 'pino';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { INGEST_LIMITS } from '@app/contracts';
import { AppModule, RuntimeResources } from './app.module';
import { AppConfig } from './config/app-config';
import { buildApiDocument } from './openapi/api-document';
import { acceptJsonBodiesOnly } from './openapi/json-only-bodies';
import { documentedQueryParameters, KnownQueryParameters } from './openapi/known-query-parameters';
import { WallSocketAdapter } from './realtime/wall-socket-adapter';
import { AppLogger, createPino, pinoLevel, requestIdOf, requestLogging } from './telemetry/logging';
import { Metrics } from './telemetry/metrics';
import { registerQueueBoard } from './operations/queue-board';
import { registerAbuseLimits } from './security/abuse-limits';
import { clientErrorHandler, frameworkErrors } from './security/client-error';
import { registerWallStatic } from './wall/wall-static';

export interface CreateAppOptions {
  logLevels?: LogLevel[];
  /** Where log lines go (default stdout); the logging test captures them. */
  logDestination?: NodeJS.WritableStream;
  /** A logger made before the application (main logs the embedded database's start with it). */
  pino?: PinoInstance;
}

/** How long a stop lets requests in flight finish before it cuts their connections. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Fastify's close closes the connections idle at that moment; one busy then stays open after its
 * reply until the keep-alive timeout (72 s), and the stop waits for it: longer than any
 * orchestrator's grace period (Docker's is 10 s) before it kills the process mid-shutdown.
 */
function cutLingeringConnectionsOnClose(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  fastify.addHook('preClose', (done) => {
    setTimeout(() => fastify.server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    done();
  });
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
    // One id per request, the caller's X-Request-Id if it is a plain token: in every log line and the reply.
    genReqId: requestIdOf,
    requestIdHeader: false,
  });
  cutLingeringConnectionsOnClose(adapter);
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  const logging = requestLogging(
    options.pino ?? createPino({ format: config.logFormat, level: options.logLevels ? pinoLevel(options.logLevels) : config.logLevel, destination: options.logDestination }),
  );
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, runtime, logging), adapter, {
    logger: new AppLogger(new PinoLogger(logging), logging),
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
  const sockets = new WallSocketAdapter(app, config);
  app.useWebSocketAdapter(sockets);
  app.get(Metrics).socketCounts = () => sockets.connections();
  await registerWallStatic(app);
  if (config.role !== 'worker') await registerQueueBoard(app, config);
  app.enableShutdownHooks();
  return app;
}
