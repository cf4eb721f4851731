import { Logger, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';

/** Something to push to connected users: an inbox item to personal rooms, a card change to department rooms. */
export interface InboxNotice {
  rooms: string[];
  event: 'notification' | 'card';
  payload: Record<string, unknown>;
}

export type InboxListener = (notice: InboxNotice) => void;

/**
 * How a worker reaches the users connected to the api nodes: only the socket layer holds sockets,
 * workers publish (architecture §4). `publish` rejects when the notice cannot be handed on, so an
 * in-app delivery is retried like any other; the inbox (PostgreSQL) stays the record either way.
 */
export abstract class InboxBus {
  abstract publish(notice: InboxNotice): Promise<void>;
  abstract subscribe(listener: InboxListener): () => void;
}

/** Embedded mode: worker and api are this process. */
export class InProcessInboxBus extends InboxBus {
  private readonly listeners = new Set<InboxListener>();

  async publish(notice: InboxNotice): Promise<void> {
    setImmediate(() => {
      for (const listener of this.listeners) listener(notice);
    });
  }

  subscribe(listener: InboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Server mode: Redis pub/sub; every api node emits to its own sockets. */
export class RedisInboxBus extends InboxBus implements OnApplicationShutdown {
  private readonly logger = new Logger('InboxBus');
  private readonly listeners = new Set<InboxListener>();
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private closed = false;

  constructor(
    private readonly redisUrl: string,
    private readonly channel: string,
  ) {
    super();
    // Fail fast while Redis is away: the delivery is retried with backoff instead of waiting here.
    this.publisher = new IORedis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.publisher.on('error', (error: Error) => this.logger.warn(`redis (publisher): ${error.message}`));
  }

  async publish(notice: InboxNotice): Promise<void> {
    if (this.closed) throw new Error('inbox bus is closed');
    await this.publisher.publish(this.channel, JSON.stringify(notice));
  }

  subscribe(listener: InboxListener): () => void {
    this.listeners.add(listener);
    if (!this.subscriber && !this.closed) {
      const subscriber = new IORedis(this.redisUrl);
      subscriber.on('error', (error: Error) => this.logger.warn(`redis (subscriber): ${error.message}`));
      subscriber.on('message', (_channel: string, message: string) => this.deliver(message));
      subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`subscribe: ${error.message}`));
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

  private deliver(message: string): void {
    let notice: InboxNotice;
    try {
      notice = JSON.parse(message) as InboxNotice;
    } catch {
      return;
    }
    for (const listener of this.listeners) listener(notice);
  }
}
