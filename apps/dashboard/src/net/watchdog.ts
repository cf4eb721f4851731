/**
 * Reloads the page when the server has not been heard for `timeoutMs` — the last resort of a screen
 * nobody watches. It reloads only when the server answers its health probe: reloading into a dead
 * server would leave the browser's error page, which never recovers by itself.
 */
export class Watchdog {
  private lastFedAt = Date.now();
  private readonly timer: number;
  private probing = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly healthUrl: string,
    private readonly reload: () => void,
  ) {
    this.timer = window.setInterval(() => void this.check(), Math.min(5000, timeoutMs / 3));
  }

  feed(): void {
    this.lastFedAt = Date.now();
  }

  dispose(): void {
    window.clearInterval(this.timer);
  }

  private async check(): Promise<void> {
    if (this.probing || Date.now() - this.lastFedAt < this.timeoutMs) return;
    this.probing = true;
    try {
      const response = await fetch(this.healthUrl, { cache: 'no-store' });
      if (response.ok) this.reload();
      else this.feed();
    } catch {
      // Server unreachable: wait another period; socket.io keeps trying meanwhile.
      this.feed();
    } finally {
      this.probing = false;
    }
  }
}
