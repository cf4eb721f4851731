import { Rng } from './prng';

/**
 * Wall-clock helpers for Asia/Shanghai (UTC+08:00, no daylight saving). Instants are epoch
 * milliseconds; "days" are local calendar days. Working days default to Monday–Friday; pass the
 * real holiday calendar (`isWorkingDay`) to make generated timelines exact.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;
export const OFFICE_OPEN = 9 * HOUR;
export const OFFICE_CLOSE = 17 * HOUR + 30 * MINUTE;

/** Is this local date (`YYYY-MM-DD`) a working day? */
export type WorkingDayPredicate = (localDate: string) => boolean;

export const mondayToFriday: WorkingDayPredicate = (localDate) => {
  const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The local date (`YYYY-MM-DD`) of an instant. */
export function localDate(instant: number): string {
  return new Date(instant + OFFSET).toISOString().slice(0, 10);
}

/** The instant of the local midnight that starts the instant's day. */
export function localDayStart(instant: number): number {
  return instant - (((instant + OFFSET) % DAY) + DAY) % DAY;
}

/** ISO-8601 with the +08:00 offset, to the second (rounded down). */
export function formatShanghai(instant: number): string {
  return `${new Date(instant + OFFSET).toISOString().slice(0, 19)}+08:00`;
}

export class WorkClock {
  private readonly cache = new Map<string, boolean>();

  constructor(private readonly predicate: WorkingDayPredicate = mondayToFriday) {}

  isWorkingDay(instant: number): boolean {
    const date = localDate(instant);
    let working = this.cache.get(date);
    if (working === undefined) {
      working = this.predicate(date);
      this.cache.set(date, working);
    }
    return working;
  }

  isOfficeTime(instant: number): boolean {
    const intoDay = instant - localDayStart(instant);
    return this.isWorkingDay(instant) && intoDay >= OFFICE_OPEN && intoDay < OFFICE_CLOSE;
  }

  /** Local midnight of the n-th working day after the instant's day (n ≥ 1). */
  addWorkingDays(instant: number, n: number): number {
    let day = localDayStart(instant);
    for (let found = 0, guard = 0; found < n; guard++) {
      if (guard > 3660 + n * 7) throw new RangeError('the working-day calendar has no working days ahead');
      day += DAY + 2 * HOUR; // land safely inside the next day, then snap to its midnight
      day = localDayStart(day);
      if (this.isWorkingDay(day)) found++;
    }
    return day;
  }

  /** The instant itself if within office hours, otherwise the next office opening. */
  toOffice(instant: number): number {
    const start = localDayStart(instant);
    const intoDay = instant - start;
    if (this.isWorkingDay(instant) && intoDay < OFFICE_CLOSE) return Math.max(instant, start + OFFICE_OPEN);
    return this.addWorkingDays(instant, 1) + OFFICE_OPEN;
  }

  /** Working days in (from's day, to's day]: how many working days `to` lies after `from`. */
  workingDaysBetween(from: number, to: number): number {
    let count = 0;
    for (let day = localDayStart(from); day < localDayStart(to); ) {
      day = localDayStart(day + DAY + 2 * HOUR);
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }
}

/** A cursor that moves forward through office time; every step is strictly later than the last. */
export class Timeline {
  constructor(
    public at: number,
    private readonly clock: WorkClock,
    private readonly rng: Rng,
  ) {}

  /**
   * A few minutes later the same day. Before opening it moves to the opening; up to three hours after
   * the close it stays the same day (overtime); later than that, the next working day's opening.
   */
  minutes(min: number, max: number): number {
    const start = localDayStart(this.at);
    const intoDay = this.at - start;
    const working = this.clock.isWorkingDay(this.at);
    let from: number;
    if (working && intoDay < OFFICE_OPEN) from = start + OFFICE_OPEN;
    else if (working && intoDay < OFFICE_CLOSE + 3 * HOUR) from = this.at;
    else from = this.clock.addWorkingDays(this.at, 1) + OFFICE_OPEN;
    const close = localDayStart(from) + OFFICE_CLOSE - MINUTE;
    const wanted = from + this.rng.int(min, max) * MINUTE + this.rng.int(0, 59) * 1000;
    const overtime = this.at + this.rng.int(60, 240) * 1000;
    this.at = wanted <= close ? Math.max(wanted, this.at + MINUTE) : Math.max(close, from, overtime);
    return this.at;
  }

  /** If the cursor is outside office hours (e.g. an online submission at night), move to the next opening. */
  toOffice(): number {
    if (!this.clock.isOfficeTime(this.at)) this.at = this.clock.toOffice(this.at) + this.rng.int(0, 40) * MINUTE;
    return this.at;
  }

  /** The n-th working day after the current day, at an office time; n = 0 means later today. */
  days(n: number): number {
    if (n <= 0) return this.minutes(5, 90);
    const day = this.clock.addWorkingDays(this.at, n);
    const latest = OFFICE_CLOSE - OFFICE_OPEN - 45 * MINUTE;
    this.at = day + OFFICE_OPEN + Math.floor(this.rng.float() * latest / 1000) * 1000;
    return this.at;
  }
}
