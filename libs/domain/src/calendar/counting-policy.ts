import {
  DayNumber,
  IsoDate,
  formatIsoDate,
  localDayNumberOf,
  localDayStartMs,
  parseIsoDate,
} from './calendar-date';

/**
 * How the centre counts a time limit, in one place so that a city that counts differently changes
 * configuration, not code. Every clock and every deadline goes through the helpers below.
 */
export interface CountingPolicy {
  /**
   * false (the law's usual reading, and the default): the start day is not counted; day 1 is the
   * first working day after it. true: the start day is day 1 when it is a working day.
   */
  readonly startDayCounted: boolean;
  /** 'END_OF_DAY': a limit of N working days ends at 24:00 local time of the N-th working day. */
  readonly dueAt: 'END_OF_DAY';
  /** Offset of the local time the law is applied in; +480 = Asia/Shanghai (no daylight saving). */
  readonly utcOffsetMinutes: number;
}

export const DEFAULT_COUNTING_POLICY: CountingPolicy = Object.freeze({
  startDayCounted: false,
  dueAt: 'END_OF_DAY',
  utcOffsetMinutes: 480,
});

export type Instant = Date | string | number;

function epochMsOf(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

/** The local calendar day (e.g. Asia/Shanghai) on which an instant falls. */
export function localDateOf(instant: Instant, policy: CountingPolicy = DEFAULT_COUNTING_POLICY): IsoDate {
  return formatIsoDate(localDayNumberOf(epochMsOf(instant), policy.utcOffsetMinutes));
}

export function localDayNumberOfInstant(instant: Instant, policy: CountingPolicy): DayNumber {
  return localDayNumberOf(epochMsOf(instant), policy.utcOffsetMinutes);
}

/**
 * The last day *not* counted: counting covers the working days in (origin, …]. With the default policy
 * that is the start day itself; when the start day counts, it is the day before.
 */
export function countingOrigin(startedOn: IsoDate, policy: CountingPolicy): IsoDate {
  return policy.startDayCounted ? formatIsoDate(parseIsoDate(startedOn) - 1) : startedOn;
}

/** The instant (epoch ms) a limit ending on `dueOn` runs out: 24:00 local time of that day. */
export function dueInstantMs(dueOn: IsoDate, policy: CountingPolicy): number {
  switch (policy.dueAt) {
    case 'END_OF_DAY':
      return localDayStartMs(parseIsoDate(dueOn) + 1, policy.utcOffsetMinutes);
  }
}

/** The instant (epoch ms) a local calendar day begins. */
export function localDayStartInstantMs(date: IsoDate, policy: CountingPolicy): number {
  return localDayStartMs(parseIsoDate(date), policy.utcOffsetMinutes);
}

const isoInstants = new Map<number, string>();
const ISO_INSTANT_CACHE = 20_000;

/**
 * ISO-8601 instant in UTC (`…Z`): unambiguous, and sorts as text. Memoized: projection formats the
 * same few instants (due and warning days' midnights, a case's event times) millions of times, and
 * `Date#toISOString` was the largest single item of a worker's CPU profile. Bounded; same answers.
 */
export function toIsoInstant(epochMs: number): string {
  let iso = isoInstants.get(epochMs);
  if (iso === undefined) {
    iso = new Date(epochMs).toISOString();
    if (isoInstants.size >= ISO_INSTANT_CACHE) isoInstants.clear();
    isoInstants.set(epochMs, iso);
  }
  return iso;
}
