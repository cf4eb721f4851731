import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { InProcessChannel, RedisChannel } from '../common/pubsub-channel';

/**
 * Something to push to connected users: an inbox item to personal rooms, a card level change
 * (`card`, when notifications were planned) or any card transition (`card.changed`) to department rooms.
 */
export interface InboxNotice {
  rooms: string[];
  event: 'notification' | 'card' | 'card.changed';
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
  private readonly channel = new InProcessChannel<InboxNotice>();

  publish(notice: InboxNotice): Promise<void> {
    return this.channel.publish(notice);
  }

  subscribe(listener: InboxListener): () => void {
    return this.channel.subscribe(listener);
  }
}

/** Server mode: Redis pub/sub; every api node emits to its own sockets. */
export class RedisInboxBus extends InboxBus implements OnApplicationShutdown {
  private readonly logger = new Logger('InboxBus');
  private readonly channel: RedisChannel<InboxNotice>;

  constructor(redisUrl: string, channel: string) {
    super();
    // Fail fast while Redis is away: the delivery is retried with backoff instead of waiting here.
    this.channel = new RedisChannel<InboxNotice>(redisUrl, channel, (what, error) =>
      this.logger.warn(what === 'subscribe' ? `subscribe: ${error.message}` : `redis (${what}): ${error.message}`),
    );
  }

  publish(notice: InboxNotice): Promise<void> {
    return this.channel.publish(notice);
  }

  subscribe(listener: InboxListener): () => void {
    return this.channel.subscribe(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.channel.close();
  }
}
