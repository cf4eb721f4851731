import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OutboxMessage, OutboxRepository } from './outbox.repository';
import { OUTBOX_SUBSCRIBERS, OutboxSubscriber } from './outbox-subscriber';

const POLL_MS = 200;
const BATCH = 500;

/**
 * Publishes committed card changes to the OUTBOX_SUBSCRIBERS (the wall, notifications): they hear of a card only after
 * the transaction that made it has committed. Runs in the worker role; several workers share the
 * outbox with SKIP LOCKED. A worker that has just committed a projection kicks the publisher, so a
 * new card leaves at once instead of waiting up to a poll interval (P2: 202 → card in ≤ 50 ms at
 * the median cannot afford an average 100 ms wait); the poll stays as the safety net.
 */
@Injectable()
export class OutboxPublisherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxPublisher');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  /** A kick arrived while a drain was running: drain once more after it, the new rows may be missed. */
  private again = false;
  private started = false;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OUTBOX_SUBSCRIBERS) private readonly subscribers: readonly OutboxSubscriber[],
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.started = true;
    this.timer = setInterval(() => this.kick(), POLL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Drains now (or right after the drain in progress). A no-op where the publisher does not run (api role). */
  kick(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.again = false;
    this.running = this.drain()
      .catch((error: Error) => this.logger.warn(`publish failed, will retry: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) this.kick();
      });
  }

  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.outbox.publishBatch(BATCH, async (messages) => this.publish(messages));
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async publish(messages: OutboxMessage[]): Promise<void> {
    for (const subscriber of this.subscribers) await subscriber.onOutboxMessages(messages);
  }
}
