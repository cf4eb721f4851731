/**
 * When a chart redraws, and whether it animates. Under a stream of cards the server sends a delta
 * every half second; a chart redrawn (and re-animated) at that pace repaints its whole canvas,
 * every label, most of the time, and the screen's main thread never rests (bench:wall, P7). So: an
 * option equal to the one shown is not drawn again; a chart redraws at most once per
 * `minIntervalMs` (the latest option wins; the view waits `waitBeforeDraw`); and a change animates
 * only when the chart has been still for `calmMs` — a lone change glides, a stream of them steps.
 * Pure: time is passed in.
 */
export const MIN_REDRAW_INTERVAL_MS = 2000;
export const CALM_MS = 3000;

export class ChartUpdates {
  private shownKey: string | null = null;
  private lastDrawnAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly minIntervalMs: number = MIN_REDRAW_INTERVAL_MS,
    private readonly calmMs: number = CALM_MS,
  ) {}

  /** How long to hold a new option before drawing it (0: draw now). */
  waitBeforeDraw(now: number): number {
    return Math.max(0, this.lastDrawnAt + this.minIntervalMs - now);
  }

  /** Null when `option` is what the chart already shows; else whether to animate this change. */
  next(option: unknown, now: number): { animate: boolean } | null {
    const key = JSON.stringify(option);
    if (key === this.shownKey) return null;
    this.shownKey = key;
    const animate = now - this.lastDrawnAt >= this.calmMs;
    this.lastDrawnAt = now;
    return { animate };
  }
}
