import { Logger, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';

/** Something the wall shows may have changed; api nodes re-read and send deltas (coalesced). */
export interface WallChange {
  kind: 'cases' | 'cards';
  /** The departments concerned, for scoped screens later; empty when not known (any may have changed). */
  departmentCodes: string[];
}

export type WallChangeListener = (change: WallChange) => void;

/**
 * How the worker tells the api nodes that the wall is out of date. The worker may be another
 * process, so only the socket layer holds sockets and the worker publishes (architecture §4).
 * `publish` never throws and never waits: a lost notice is caught up by the periodic refresh.
 */
export abstract class WallChangeBus {
  abstract publish(change: WallChange): void;
  abstract subscribe(listener: WallChangeListener): () => void;
}

/** Embedded mode: worker and api are this process. */
export class InProcessWallChangeBus extends WallChangeBus {
  private readonly listeners = new Set<WallChangeListener>();

  publish(change: WallChange): void {
    // Later, not now: the projection must not wait for (or fail with) the wall.
    setImmediate(() => {
      for (const listener of this.listeners) listener(change);
    });
  }

  subscribe(listener: WallChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** How often a broken Redis is reported, so a Redis outage under load does not flood the log. */
const WARN_EVERY_MS = 60_000;

/** Server mode: Redis pub/sub, so a worker process reaches every api node. */
export class RedisWallChangeBus extends WallChangeBus implements OnApplicationShutdown {
  private readonly logger = new Logger('WallChangeBus');
  private readonly listeners = new Set<WallChangeListener>();
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private lastWarnAt = 0;
  private closed = false;

  constructor(
    private readonly redisUrl: string,
    private readonly channel: string,
  ) {
    super();
    // Connected from the start: without an offline queue, a publish before the connection is up
    // would fail. Fail fast while Redis is away rather than queue notices nobody will miss.
    this.publisher = this.connect('publisher', { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  }

  publish(change: WallChange): void {
    if (this.closed) return;
    this.publisher.publish(this.channel, JSON.stringify(change)).catch((error: Error) => this.warn('publish', error));
  }

  subscribe(listener: WallChangeListener): () => void {
    this.listeners.add(listener);
    if (!this.subscriber && !this.closed) {
      const subscriber = this.connect('subscriber', {});
      subscriber.on('message', (_channel: string, message: string) => this.deliver(message));
      // ioredis re-subscribes by itself after a reconnection.
      subscriber.subscribe(this.channel).catch((error: Error) => this.warn('subscribe', error));
      this.subscriber = subscriber;
    }
    return () => this.listeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.publisher.disconnect();
    this.subscriber?.disconnect();
  }

  private connect(role: string, options: { maxRetriesPerRequest?: number; enableOfflineQueue?: boolean }): Redis {
    const connection = new IORedis(this.redisUrl, options);
    connection.on('error', (error: Error) => this.warn(role, error));
    return connection;
  }

  private deliver(message: string): void {
    let change: WallChange;
    try {
      change = JSON.parse(message) as WallChange;
    } catch {
      return;
    }
    for (const listener of this.listeners) listener(change);
  }

  private warn(what: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_EVERY_MS) return;
    this.lastWarnAt = now;
    this.logger.warn(`redis (${what}): ${error.message}; the wall catches up at its next refresh`);
  }
}
