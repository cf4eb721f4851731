import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ConfigError, Env, integer, url } from './env-readers';
import { NotificationSettings, readNotificationSettings } from './notification-settings';
import { readRetentionSettings, RetentionSettings } from './retention-settings';
import { readSecretKeys } from './secret-keys';

export { ConfigError } from './env-readers';

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
  /** Which demo catalogue the embedded demo loads: the 12-department town or a 60-department city. */
  readonly demoCatalogue: 'standard' | 'city';
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  readonly queuePrefix: string;
  readonly databasePoolSize: number;
  readonly workerConcurrency: number;
  /** How often unprojected ingest batches are looked for and re-enqueued. */
  readonly recoveryIntervalMs: number;
  /** How often the deadline scheduler looks for crossed thresholds; 0 turns it off (tests drive it). */
  readonly schedulerIntervalMs: number;
  /** How often department feeds are checked for silence (FEED_SILENT); 0 turns it off. */
  readonly feedCheckIntervalMs: number;
  /** The working days a clue's investigation gets unless its assignment says otherwise. */
  readonly clueInvestigationWorkingDays: number;
  /** json, text (pretty), or auto: pretty on a terminal, JSON otherwise (telemetry/logging.ts). */
  readonly logFormat: 'auto' | 'json' | 'text';
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * Signs the users' session tokens (HS256). Null in embedded mode without JWT_SECRET: a secret is
   * generated once and kept in DATA_DIR (auth/jwt-secret.ts), so a restart keeps sessions. Null
   * for a server-mode worker, which serves no sessions.
   */
  readonly jwtSecret: string | null;
  readonly jwtTtlSeconds: number;
  /** How often every open socket's credential is checked again (expiry, revocations a lost notice missed). */
  readonly socketRecheckIntervalMs: number;
  /** bcrypt cost factor of stored passwords. */
  readonly passwordHashRounds: number;
  /** Requests per client address per window, every route. Shared through Redis in server mode. */
  readonly rateLimitMax: number;
  readonly rateLimitWindowMs: number;
  /** Login attempts per client address per window. */
  readonly loginRateLimitMax: number;
  /** Requests per client address per window to the public routes (/api/v1/public/…): no login, so far tighter. */
  readonly publicRateLimitMax: number;
  /**
   * Keys the HMAC of applicants' query codes (QUERY_CODE_SECRET). Null: derived from the session
   * secret (applicants/query-code-key.ts); set it in production so rotating JWT_SECRET keeps the codes.
   */
  readonly queryCodeSecret: string | null;
  /** Leading zero bits the public complaint form's proof of work must find (about 2^N hashes). */
  readonly publicProofOfWorkBits: number;
  /** Browser origins allowed to call the API cross-origin; empty = CORS off. */
  readonly corsOrigins: readonly string[];
  /** Which proxies may set X-Forwarded-For (false = none: the client address is the peer's). */
  readonly trustProxy: boolean | string[];
  /** Alert notifications: SMTP, links, office hours, escalation, retries (config/notification-settings.ts). */
  readonly notifications: NotificationSettings;
  /** How long growing records are kept (config/retention-settings.ts). */
  readonly retention: RetentionSettings;
  /** Seal notification channels' secrets at rest (CHANNEL_SECRET_KEY; none: stored as given). */
  readonly channelSecretKeys: { readonly current: Buffer | null; readonly previous: readonly Buffer[] };
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join('|')}, got "${raw}"`);
  }
  return raw as T;
}

function corsOrigins(env: Env): string[] {
  const raw = env.CORS_ORIGINS ?? '';
  if (raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // named below
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `must be a comma-separated list of origins like https://wall.example.gov, got "${origin}"`);
    }
    return origin;
  });
}

function trustProxy(env: Env): boolean | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'off') return false;
  if (raw === 'on') return true;
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry)) {
      throw new ConfigError('TRUST_PROXY', `must be off, on, or a comma-separated list of proxy addresses/CIDRs, got "${entry}"`);
    }
  }
  return entries;
}

function jwtSecret(env: Env, mode: RunMode, role: AppRole): string | null {
  const raw = env.JWT_SECRET ?? '';
  if (raw === '') {
    if (mode === 'server' && role !== 'worker') throw new ConfigError('JWT_SECRET', 'is required in server mode (at least 32 characters)');
    return null;
  }
  if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  return raw;
}

function queryCodeSecret(env: Env): string | null {
  const raw = env.QUERY_CODE_SECRET ?? '';
  if (raw === '') return null;
  if (raw.length < 32) throw new ConfigError('QUERY_CODE_SECRET', 'must be at least 32 characters');
  return raw;
}

/** Where the data is, for commands that work on the database itself (backup, restore, key rotation). */
export interface StorageConfig {
  readonly mode: RunMode;
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly channelSecretKeys: { readonly current: Buffer | null; readonly previous: readonly Buffer[] };
}

export function loadStorageConfig(env: Env = process.env, cwd = process.cwd()): StorageConfig {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  return Object.freeze({
    mode: databaseUrl ? 'server' : 'embedded',
    databaseUrl,
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    channelSecretKeys: readSecretKeys(env),
  });
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
    // Embedded mode is a single machine's install (a laptop, an office PC): it is not exposed to the
    // network unless the operator says so. Server mode runs behind a proxy or in a container.
    host: env.HOST || (mode === 'embedded' ? '127.0.0.1' : '0.0.0.0'),
    adminToken,
    adminTokenGenerated,
    databaseUrl,
    redisUrl,
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    demoFeed,
    demoCatalogue: oneOf(env, 'DEMO_CATALOGUE', ['standard', 'city'], 'standard'),
    queuePrefix,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', mode === 'embedded' ? 1 : 10, 1, 200),
    workerConcurrency: integer(env, 'WORKER_CONCURRENCY', 4, 1, 64),
    recoveryIntervalMs: integer(env, 'RECOVERY_INTERVAL_MS', 15000, 200, 3600000),
    schedulerIntervalMs: integer(env, 'SCHEDULER_INTERVAL_MS', 250, 0, 60000),
    feedCheckIntervalMs: integer(env, 'FEED_CHECK_INTERVAL_MS', 60000, 0, 3600000),
    clueInvestigationWorkingDays: integer(env, 'CLUE_INVESTIGATION_WORKING_DAYS', 30, 1, 250),
    logFormat: oneOf(env, 'LOG_FORMAT', ['auto', 'json', 'text'], 'auto'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'], 'info'),
    jwtSecret: jwtSecret(env, mode, role),
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 900, 60, 86400),
    // At most 10 s: a revoked or expired credential must not keep a live socket longer (issue 17).
    socketRecheckIntervalMs: integer(env, 'SOCKET_RECHECK_INTERVAL_MS', 5000, 500, 10_000),
    passwordHashRounds: integer(env, 'PASSWORD_HASH_ROUNDS', 12, 10, 15),
    rateLimitMax: integer(env, 'RATE_LIMIT_MAX', 30000, 1, 10_000_000),
    rateLimitWindowMs: integer(env, 'RATE_LIMIT_WINDOW_MS', 60000, 1000, 3600000),
    loginRateLimitMax: integer(env, 'LOGIN_RATE_LIMIT_MAX', 10, 1, 1_000_000),
    publicRateLimitMax: integer(env, 'PUBLIC_RATE_LIMIT_MAX', 30, 1, 1_000_000),
    queryCodeSecret: queryCodeSecret(env),
    publicProofOfWorkBits: integer(env, 'PUBLIC_POW_BITS', 16, 1, 28),
    corsOrigins: Object.freeze(corsOrigins(env)),
    trustProxy: trustProxy(env),
    notifications: readNotificationSettings(env, { port: integer(env, 'PORT', 3000, 0, 65535), adminToken }),
    retention: readRetentionSettings(env, path.resolve(cwd, env.DATA_DIR || './data'), cwd),
    channelSecretKeys: readSecretKeys(env),
  });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
