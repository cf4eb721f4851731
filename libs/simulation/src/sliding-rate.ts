/**
 * The current rate of a running count over the last `windowMs` (not the average since the start,
 * which hides a stall or a slow-down behind the minutes before it). Pure: the caller passes the
 * instant of each sample.
 */
export class SlidingRate {
  private readonly samples: { at: number; total: number }[] = [];

  constructor(private readonly windowMs = 10_000) {}

  /** Records the running total at `at` (ms). */
  record(at: number, total: number): void {
    this.samples.push({ at, total });
    // Keep one sample at or before the window's start, so the window is always fully spanned.
    while (this.samples.length > 2 && this.samples[1].at <= at - this.windowMs) this.samples.shift();
  }

  /** Per second over the window ending at the last sample; 0 before two samples. */
  perSecond(): number {
    if (this.samples.length < 2) return 0;
    const last = this.samples[this.samples.length - 1];
    const first = this.samples.find((s) => s.at >= last.at - this.windowMs) ?? this.samples[0];
    const from = first === last ? this.samples[this.samples.length - 2] : first;
    const seconds = (last.at - from.at) / 1000;
    return seconds > 0 ? (last.total - from.total) / seconds : 0;
  }
}

/** `90`, `90s`, `10m`, `1h`, `1h30m` as seconds; null when it is none of those. */
export function parseDurationSeconds(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!match || text === '') return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** Seconds as `m:ss` (or `h:mm:ss`), for a progress line. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}
