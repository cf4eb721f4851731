import { randomBytes } from 'node:crypto';
import path from 'node:path';

export type RunMode = 'embedded' | 'server';
export type AppRole = 'api' | 'worker' | 'all';

export interface AppConfig {
  readonly mode: RunMode;
  readonly role: AppRole;
  readonly port: number;
  readonly host: string;
  readonly adminToken: string;
  /** True when the admin token was generated at boot and must be printed for the operator. */
  readonly adminTokenGenerated: boolean;
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  readonly dataDir: string;
  readonly demoFeed: boolean;
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  readonly queuePrefix: string;
  readonly databasePoolSize: number;
  readonly workerConcurrency: number;
  /** How often unprojected ingest batches are looked for and re-enqueued. */
  readonly recoveryIntervalMs: number;
  readonly logFormat: 'json' | 'text';
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join('|')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

/** The only place that reads the environment: validated once, typed, frozen. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (databaseUrl && !redisUrl) throw new ConfigError('REDIS_URL', 'is required when DATABASE_URL is set (server mode)');
  if (redisUrl && !databaseUrl) throw new ConfigError('DATABASE_URL', 'is required when REDIS_URL is set (server mode)');
  const mode: RunMode = databaseUrl ? 'server' : 'embedded';

  const role = oneOf<AppRole>(env, 'APP_ROLE', ['api', 'worker', 'all'], 'all');
  if (mode === 'embedded' && role !== 'all') {
    throw new ConfigError('APP_ROLE', 'must be "all" in embedded mode (set DATABASE_URL and REDIS_URL for separate roles)');
  }

  let adminToken = env.ADMIN_TOKEN ?? '';
  const adminTokenGenerated = adminToken === '';
  if (adminTokenGenerated) {
    if (mode === 'server') throw new ConfigError('ADMIN_TOKEN', 'is required in server mode');
    adminToken = randomBytes(24).toString('base64url');
  } else if (adminToken.length < 16) {
    throw new ConfigError('ADMIN_TOKEN', 'must be at least 16 characters');
  }

  const demoFeed = oneOf(env, 'DEMO_FEED', ['on', 'off'], mode === 'embedded' ? 'on' : 'off') === 'on';
  const queuePrefix = env.QUEUE_PREFIX || 'lm';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(queuePrefix)) throw new ConfigError('QUEUE_PREFIX', 'must be 1–40 letters, digits, _ or -');

  return Object.freeze({
    mode,
    role,
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    adminToken,
    adminTokenGenerated,
    databaseUrl,
    redisUrl,
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    demoFeed,
    queuePrefix,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', mode === 'embedded' ? 1 : 10, 1, 200),
    workerConcurrency: integer(env, 'WORKER_CONCURRENCY', 4, 1, 64),
    recoveryIntervalMs: integer(env, 'RECOVERY_INTERVAL_MS', 15000, 200, 3600000),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'text'], 'json'),
  });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
