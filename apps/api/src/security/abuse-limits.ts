import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { LOGIN_PATH } from '../auth/session.controller';
import { withFieldErrors } from '../common/field-errors';
import { AppConfig } from '../config/app-config';
import { redisWithLocalFallbackStore } from './fallback-rate-limit-store';

/** The routes for the public (applicants/): no credentials, so their own budget per client. */
export const PUBLIC_API_PREFIX = '/api/v1/public/';
const PUBLIC_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Rate limits and CORS, registered on Fastify before Nest adds its routes.
 *
 * - Every route: RATE_LIMIT_MAX requests per client address per window (generous: department
 *   systems batch their events). POST /api/v1/auth/login: LOGIN_RATE_LIMIT_MAX per address. Each public
 *   route (/api/v1/public/…: progress lookup, complaints): PUBLIC_RATE_LIMIT_MAX per address, bodies ≤ 16 KB.
 * - Server mode counts in Redis, so every api process shares one budget per client; if Redis is
 *   unreachable each process counts in its own memory instead (the limits fail closed: no outage
 *   opens the door to unlimited password or key guessing), and ingest keeps committing (R2).
 * - The client address is the TCP peer unless TRUST_PROXY names the proxies allowed to say otherwise.
 * - CORS is off unless CORS_ORIGINS lists origins; tokens travel in headers, never cookies.
 */
export async function registerAbuseLimits(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const logger = new Logger('RateLimit');
  const redis = config.mode === 'server' && config.redisUrl ? rateLimitRedis(config.redisUrl) : null;
  if (redis) fastify.addHook('onClose', async () => void (await redis.quit().catch(() => redis.disconnect())));

  // Runs before the plugin's own onRoute hook: gives the login route and the public routes their tighter budgets.
  fastify.addHook('onRoute', (route) => {
    if (route.url === LOGIN_PATH && route.method === 'POST') {
      route.config = { ...(route.config ?? {}), rateLimit: { max: config.loginRateLimitMax, timeWindow: config.rateLimitWindowMs } };
    }
    if (route.url.startsWith(PUBLIC_API_PREFIX)) {
      // No login: a tight budget per client address, and small bodies (a complaint is a few KB).
      route.config = { ...(route.config ?? {}), rateLimit: { max: config.publicRateLimitMax, timeWindow: config.rateLimitWindowMs } };
      route.bodyLimit = PUBLIC_BODY_LIMIT_BYTES;
    }
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
    ...(redis ? { store: redisWithLocalFallbackStore(redis, `${config.queuePrefix}:rate-limit:`, warnOncePerOutage(logger, redis)) } : {}),
    // Only a store failing twice over (Redis and this process's memory) lets a request through unlimited.
    skipOnError: true,
    errorResponseBuilder: (_request: FastifyRequest, context: { statusCode: number; after: string; max: number }) =>
      Object.assign(new Error(`rate limit of ${context.max} requests exceeded, retry in ${context.after}`), {
        statusCode: context.statusCode,
        body: withFieldErrors(context.statusCode, {
          message: `too many requests from this address, retry in ${context.after}`,
          errors: [{ path: '(request)', message: `rate limit of ${context.max} requests per window exceeded; retry in ${context.after}` }],
        }),
      }),
  });

  if (config.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...config.corsOrigins],
      methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type'],
      credentials: false,
      maxAge: 600,
    });
  }
}

function rateLimitRedis(url: string): Redis {
  // No offline queue: while Redis is away a limit check fails at once (and falls back) instead of waiting.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
  // Connection errors are reported through the fallback's warning; without a listener ioredis would print each one.
  redis.on('error', () => undefined);
  return redis;
}

/** One warning per outage, not one per request: the first fallback after Redis was last ready. */
function warnOncePerOutage(logger: Logger, redis: Redis): (error: Error) => void {
  let warned = false;
  redis.on('ready', () => (warned = false));
  return (error) => {
    if (!warned) logger.warn(`rate-limit store unavailable: counting in this process until it returns (${error.message})`);
    warned = true;
  };
}
