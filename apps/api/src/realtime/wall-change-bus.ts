import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { InProcessChannel, RedisChannel } from '../common/pubsub-channel';

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
  private readonly channel = new InProcessChannel<WallChange>();

  publish(change: WallChange): void {
    // Later, not now (the channel delivers on the next turn): the projection must not wait for the wall.
    void this.channel.publish(change);
  }

  subscribe(listener: WallChangeListener): () => void {
    return this.channel.subscribe(listener);
  }
}

/** How often a broken Redis is reported, so a Redis outage under load does not flood the log. */
const WARN_EVERY_MS = 60_000;

/** Server mode: Redis pub/sub, so a worker process reaches every api node. */
export class RedisWallChangeBus extends WallChangeBus implements OnApplicationShutdown {
  private readonly logger = new Logger('WallChangeBus');
  private readonly channel: RedisChannel<WallChange>;
  private lastWarnAt = 0;
  private closed = false;

  constructor(redisUrl: string, channel: string) {
    super();
    this.channel = new RedisChannel<WallChange>(redisUrl, channel, (what, error) => this.warn(what, error));
  }

  publish(change: WallChange): void {
    if (this.closed) return;
    this.channel.publish(change).catch((error: Error) => this.warn('publish', error));
  }

  subscribe(listener: WallChangeListener): () => void {
    return this.channel.subscribe(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.channel.close();
  }

  private warn(what: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_EVERY_MS) return;
    this.lastWarnAt = now;
    this.logger.warn(`redis (${what}): ${error.message}; the wall catches up at its next refresh`);
  }
}
