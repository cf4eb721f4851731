import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LogLevel } from '@nestjs/common';
import { Logger as NestPinoLogger, Params } from 'nestjs-pino';
import pino, { DestinationStream, Level, Logger as Pino } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'auto' | 'json' | 'text';

/**
 * Paths pino replaces by [redacted], in case an object with them is ever logged. Credentials stay out
 * of the logs above all by never being logged (test/secrets-not-logged.e2e-spec.ts walks every kind).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
];

/**
 * Nest's boot chatter (every module wired, every route and socket subscription mapped: ~130 lines) is
 * debug: the operator sees it with LOG_LEVEL=debug, not between the command and the banner.
 */
const WIRING_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestFactory']);

/** Pretty lines on a terminal (LOG_FORMAT=text or auto with a TTY); JSON lines for collectors otherwise. */
export function resolveLogFormat(format: LogFormat, isTty: boolean): 'json' | 'pretty' {
  if (format === 'json') return 'json';
  if (format === 'text') return 'pretty';
  return isTty ? 'pretty' : 'json';
}

/** Nest's levels (the lowest named one wins) as pino's. */
export function pinoLevel(levels: readonly LogLevel[]): Level {
  const order: [LogLevel, Level][] = [['verbose', 'trace'], ['debug', 'debug'], ['log', 'info'], ['warn', 'warn'], ['error', 'error'], ['fatal', 'fatal']];
  return order.find(([nest]) => levels.includes(nest))?.[1] ?? 'info';
}

export interface LoggerSettings {
  format: LogFormat;
  level: Level;
  /** Where lines go; stdout unless a test captures them. */
  destination?: NodeJS.WritableStream;
  isTty?: boolean;
}

export function createPino(settings: LoggerSettings): Pino {
  const out = settings.destination ?? process.stdout;
  const isTty = settings.isTty ?? Boolean((out as { isTTY?: boolean }).isTTY);
  const options = { level: settings.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { pid: process.pid } };
  if (resolveLogFormat(settings.format, isTty) === 'json') {
    // Synchronous: a line written just before a crash or exit is not lost in a buffer.
    const destination: DestinationStream = settings.destination ? (settings.destination) : pino.destination({ dest: 1, sync: true });
    return pino(options, destination);
  }
  const stream = pretty({
    colorize: isTty,
    sync: true,
    destination: out,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,reqId,req,res,responseTime',
    messageFormat: '{if context}[{context}] {end}{if reqId}(req {reqId}) {end}{msg}',
    singleLine: true,
  });
  return pino(options, stream);
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is a plain token (a proxy's), else a new UUID. Fastify's genReqId. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * nestjs-pino's request logging: every line logged while serving a request carries its id (Fastify's,
 * from requestIdOf; echoed as X-Request-Id) as `reqId`. The request line itself is debug (error for a 5xx): ingest sends thousands.
 * Only the method and the path are logged: a query string may carry a display token (the wall URL).
 */
export function requestLogging(logger: Pino): Params {
  return {
    pinoHttp: {
      logger,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'reqId' },
      // Fastify has given the request its id already (requestIdOf); this is for a request it has not.
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'debug'),
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: String(req.url ?? '').split('?')[0] }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}

/** nestjs-pino's Nest logger, with the framework's wiring lines moved down to debug. */
export class AppLogger extends NestPinoLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && WIRING_CONTEXTS.has(context)) return super.debug(message, ...optionalParams);
    super.log(message, ...optionalParams);
  }
}
