import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;
type RouteOptions = Parameters<FastifyRateLimitStore['child']>[0];

/** The plugin's own stores (plain JavaScript, not in its type declarations): the same counting, Redis-shared or in-process. */
interface PluginStore {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  read?(key: string, cb: Callback, timeWindow: number, max: number): void;
  child(routeOptions: RouteOptions): PluginStore;
}
type RedisStoreCtor = new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key?: string) => PluginStore;
type LocalStoreCtor = new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => PluginStore;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin ships its stores as CommonJS files without types
const RedisStore = require('@fastify/rate-limit/store/RedisStore') as RedisStoreCtor;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as LocalStoreCtor;

/**
 * Counts in Redis, so every api process shares one budget per client; when Redis does not answer, counts
 * in this process instead. A limit must fail closed: with `skipOnError` alone, an attacker who could
 * make Redis unreachable (or just wait for an outage) would get unlimited password and key guesses.
 * The in-process count is per node, so during an outage a client gets at most N × the budget across N
 * api nodes — bounded, unlike no limit at all.
 */
class RedisWithLocalFallback implements PluginStore {
  constructor(
    private readonly shared: PluginStore,
    private readonly local: PluginStore,
    private readonly onFallback: (error: Error) => void,
  ) {}

  incr(key: string, cb: Callback, timeWindow: number, max: number): void {
    this.shared.incr(
      key,
      (error, result) => {
        if (!error) return cb(null, result);
        this.onFallback(error);
        this.local.incr(key, cb, timeWindow, max);
      },
      timeWindow,
      max,
    );
  }

  read(key: string, cb: Callback, timeWindow: number, max: number): void {
    const fallback = (error: Error) => {
      this.onFallback(error);
      if (this.local.read) this.local.read(key, cb, timeWindow, max);
      else cb(null, { current: 0, ttl: 0 });
    };
    if (!this.shared.read) return fallback(new Error('shared store cannot read'));
    this.shared.read(key, (error, result) => (error ? fallback(error) : cb(null, result)), timeWindow, max);
  }

  child(routeOptions: RouteOptions): RedisWithLocalFallback {
    return new RedisWithLocalFallback(this.shared.child(routeOptions), this.local.child(routeOptions), this.onFallback);
  }
}

/** The store class the plugin instantiates (`store:` option): Redis first, this process's memory when Redis is away. */
export function redisWithLocalFallbackStore(redis: Redis, nameSpace: string, onFallback: (error: Error) => void): FastifyRateLimitStoreCtor {
  return class {
    // The plugin passes its global parameters (not all of them are in its declared options type).
    constructor(options: { continueExceeding?: boolean; exponentialBackoff?: boolean; cache?: number }) {
      const continueExceeding = options.continueExceeding ?? false;
      const exponentialBackoff = options.exponentialBackoff ?? false;
      return new RedisWithLocalFallback(
        new RedisStore(continueExceeding, exponentialBackoff, redis, nameSpace),
        new LocalStore(continueExceeding, exponentialBackoff, options.cache),
        onFallback,
      );
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
