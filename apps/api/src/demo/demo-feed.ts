import { LoggerService } from '@nestjs/common';
import { TrafficSimulator } from '@app/simulation';
import { FeedSender } from './feed-sender';

/** Live demo traffic: a few events every couple of seconds, one department batch at a time. */
const TICK_MS = 2000;
const EVENTS_PER_TICK = 12;

export class DemoFeed {
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly simulator: TrafficSimulator,
    private readonly sender: FeedSender,
    private readonly logger: LoggerService,
  ) {}

  start(history: { days: number; casesPerDay: number } | null): void {
    this.busy = (async () => {
      if (history) {
        const batches = this.simulator.history(new Date(), history.days, history.casesPerDay);
        let sent = 0;
        for (const batch of batches) {
          if (this.stopped) return;
          sent += (await this.sender.send(batch.departmentCode, batch.events, 10, this.abort.signal)).accepted;
        }
        this.logger.log(`demo history sent: ${sent} events over ${history.days} days`);
      }
    })()
      .catch((error: Error) => this.warn(`demo history stopped: ${error.message}`))
      .finally(() => {
        this.busy = null;
      });
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (this.busy || this.stopped) return;
    this.busy = (async () => {
      for (const batch of this.simulator.live(new Date(), EVENTS_PER_TICK)) {
        if (this.stopped) return;
        await this.sender.send(batch.departmentCode, batch.events, 3, this.abort.signal);
      }
    })()
      .catch((error: Error) => this.warn(`demo feed: ${error.message}`))
      .finally(() => {
        this.busy = null;
      });
  }

  /** A send cut short by stop() is expected, not worth a warning. */
  private warn(message: string): void {
    if (!this.stopped) this.logger.warn(message);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await this.busy;
  }
}
