import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { createApp } from '../../apps/api/src/app-factory';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { createTestDatabase, TEST_REDIS_URL } from './test-database';
import { ApiClient } from './api-client';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  baseUrl: string;
  databaseUrl: string;
  admin: ApiClient;
  close(): Promise<void>;
}

/**
 * The real application in server mode: its own fresh database on the local PostgreSQL and its own
 * BullMQ prefix on the local Redis, listening on a free port.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    routeDatabaseUrl?: (realUrl: string) => string;
    keepDatabase?: boolean;
    databaseUrl?: string;
    /** Settings the environment may not set (e.g. a socket re-check too rare to matter, so a test sees only the notice path). */
    overrides?: Partial<AppConfig>;
  } = {},
): Promise<TestApp> {
  // A test may start a second application on the database of a first one (a restart).
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const adminToken = `test-admin-${randomBytes(12).toString('hex')}`;
  const loaded = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    ADMIN_TOKEN: adminToken,
    JWT_SECRET: randomBytes(24).toString('hex'),
    // The lowest cost the configuration accepts: tests create and sign in many users.
    PASSWORD_HASH_ROUNDS: '10',
    QUEUE_PREFIX: `lmtest-${randomBytes(4).toString('hex')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_FORMAT: 'text',
    RECOVERY_INTERVAL_MS: '500',
    ...env,
  });
  const config: AppConfig = options.overrides ? Object.freeze({ ...loaded, ...options.overrides }) : loaded;
  // A test may route the application's connections through a proxy to the same database.
  const databaseUrl = options.routeDatabaseUrl ? options.routeDatabaseUrl(database.url) : database.url;
  const app = await createApp(config, { databaseUrl }, { logLevels: ['error', 'fatal'] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    baseUrl,
    databaseUrl: database.url,
    admin: new ApiClient(baseUrl, adminToken),
    async close() {
      await app.close();
      if (!options.keepDatabase) await database.drop();
    },
  };
}
