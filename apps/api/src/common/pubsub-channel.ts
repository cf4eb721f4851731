import IORedis, { Redis } from 'ioredis';

/**
 * One publish/subscribe channel of JSON messages, shared by the change buses (the wall's, the
 * inbox's): in-process when embedded, Redis pub/sub in server mode so a worker process reaches
 * every api node. What a failure means (retry, or wait for the next refresh) is the bus's business.
 */
export interface PubSubChannel<T> {
  /** Rejects when the message cannot be handed on (Redis away, channel closed). */
  publish(message: T): Promise<void>;
  /** Starts listening on first use; returns the unsubscribe. */
  subscribe(listener: (message: T) => void): () => void;
  close(): void;
}

/** Embedded mode: worker and api are this process. */
export class InProcessChannel<T> implements PubSubChannel<T> {
  private readonly listeners = new Set<(message: T) => void>();

  async publish(message: T): Promise<void> {
    // Later, not now: the publisher must not wait for (or fail with) its listeners.
    setImmediate(() => {
      for (const listener of this.listeners) listener(message);
    });
  }

  subscribe(listener: (message: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
  }
}

/** Server mode: Redis pub/sub. `onError` hears connection errors ('publisher', 'subscriber') and failed subscribes. */
export class RedisChannel<T> implements PubSubChannel<T> {
  private readonly listeners = new Set<(message: T) => void>();
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private closed = false;

  constructor(
    private readonly redisUrl: string,
    private readonly channel: string,
    private readonly onError: (what: string, error: Error) => void,
  ) {
    // Connected from the start: without an offline queue, a publish before the connection is up
    // would fail. Fail fast while Redis is away rather than queue messages.
    this.publisher = this.connect('publisher', { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  }

  async publish(message: T): Promise<void> {
    if (this.closed) throw new Error(`channel ${this.channel} is closed`);
    await this.publisher.publish(this.channel, JSON.stringify(message));
  }

  subscribe(listener: (message: T) => void): () => void {
    this.listeners.add(listener);
    if (!this.subscriber && !this.closed) {
      const subscriber = this.connect('subscriber', {});
      subscriber.on('message', (_channel: string, message: string) => this.deliver(message));
      // ioredis re-subscribes by itself after a reconnection.
      subscriber.subscribe(this.channel).catch((error: Error) => this.onError('subscribe', error));
      this.subscriber = subscriber;
    }
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.publisher.disconnect();
    this.subscriber?.disconnect();
  }

  private connect(role: string, options: { maxRetriesPerRequest?: number; enableOfflineQueue?: boolean }): Redis {
    const connection = new IORedis(this.redisUrl, options);
    connection.on('error', (error: Error) => this.onError(role, error));
    return connection;
  }

  private deliver(raw: string): void {
    let message: T;
    try {
      message = JSON.parse(raw) as T;
    } catch {
      return;
    }
    for (const listener of this.listeners) listener(message);
  }
}
