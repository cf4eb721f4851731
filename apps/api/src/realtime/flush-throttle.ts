/**
 * Coalesces requests: however often `request()` is called, `flush` runs at most once per
 * `intervalMs`, never twice at once, and a request that arrives during a flush is served by the
 * next one (never lost). This is what keeps a burst of thousands of events from reaching the screen
 * as thousands of messages.
 */
export class FlushThrottle {
  private pending = false;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastStartedAt = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.stopped) return;
    this.pending = true;
    this.schedule();
  }

  /** Cancels what is waiting and lets a running flush finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.timer || this.running || !this.pending || this.stopped) return;
    const wait = Math.max(0, this.lastStartedAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, wait);
  }

  private run(): void {
    this.pending = false;
    this.lastStartedAt = this.now();
    this.running = this.flush()
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.running = null;
        this.schedule();
      });
  }
}
