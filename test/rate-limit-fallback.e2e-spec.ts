import rateLimit from '@fastify/rate-limit';
import Fastify, { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisWithLocalFallbackStore } from '../apps/api/src/security/fallback-rate-limit-store';
import { TEST_REDIS_URL } from './support/test-database';

/**
 * The rate limits fail closed: the plugin with our store, in front of a real Redis and of a Redis that
 * is not there (a port nothing listens on). The whole application's limits are tested in abuse-limits.
 */
describe('rate-limit store: Redis first, this process when Redis is away', () => {
  const opened: { app: FastifyInstance; redis: Redis }[] = [];
  afterAll(async () => {
    for (const { app, redis } of opened) {
      await app.close();
      redis.disconnect();
    }
  });

  async function limitedServer(redisUrl: string, nameSpace: string, fallbacks: Error[]): Promise<FastifyInstance> {
    const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 500, retryStrategy: () => 200 });
    redis.on('error', () => undefined);
    if (redisUrl === TEST_REDIS_URL) await new Promise((resolve) => redis.once('ready', resolve));
    const app = Fastify();
    await app.register(rateLimit, { global: true, max: 3, timeWindow: 60_000, store: redisWithLocalFallbackStore(redis, nameSpace, (e) => fallbacks.push(e)), skipOnError: true });
    app.get('/login', async () => ({ ok: true }));
    await app.ready();
    opened.push({ app, redis });
    return app;
  }
  const statuses = async (app: FastifyInstance, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await app.inject({ method: 'GET', url: '/login' })).statusCode);
    return out;
  };

  it('with Redis away, still refuses past the limit (counted in memory), and says so', async () => {
    const fallbacks: Error[] = [];
    const app = await limitedServer('redis://127.0.0.1:9', `lmrl-${randomBytes(4).toString('hex')}:`, fallbacks);
    expect(await statuses(app, 5)).toEqual([200, 200, 200, 429, 429]);
    expect(fallbacks.length).toBeGreaterThan(0);
  });

  it('with Redis there, two processes share one budget and nothing falls back', async () => {
    const fallbacks: Error[] = [];
    const nameSpace = `lmrl-${randomBytes(4).toString('hex')}:`;
    const a = await limitedServer(TEST_REDIS_URL, nameSpace, fallbacks);
    const b = await limitedServer(TEST_REDIS_URL, nameSpace, fallbacks);
    const both = [...(await statuses(a, 2)), ...(await statuses(b, 2))];
    expect(both).toEqual([200, 200, 200, 429]);
    expect(fallbacks).toEqual([]);
  });
});
