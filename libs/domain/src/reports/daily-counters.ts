/**
 * The counters kept per (department, local day) in the daily rollup. Every report figure is a sum
 * of these over days, or a running total of them up to a day — so one department's quarter is at
 * most ~92 rows to add up, however many cases the department has (target P6).
 *
 * Each counter is defined once here; docs/reports.md repeats the definitions for readers.
 * "Day" is the local (Asia/Shanghai) calendar day under the counting policy.
 */
export const DAILY_COUNTERS = [
  /** Cases accepted that day: the day the decision clocks start (受理, or deemed acceptance, art. 32(4)). */
  'accepted',
  /** …of which the item is IMMEDIATE (即办件). */
  'acceptedImmediate',
  /** Cases completed (办结) that day: the decision clock stopped by a decision (or a certificate). */
  'completed',
  /** Completed within the promised limit (the statutory one when the item has no promised limit). */
  'completedOnTime',
  /** Completed with at least one working day of the promised limit to spare (提前办结). */
  'completedEarly',
  /** Completed after the promised limit had run out. */
  'completedPromisedLate',
  /** Completed after the statutory limit (with credited extensions) had run out. */
  'completedStatutoryLate',
  /** Sum of the working days the completed cases used (suspensions not counted). */
  'usedWorkingDays',
  /** Sum of the promised limits of the completed cases that have one, and how many have one. */
  'promisedLimitDays',
  'promisedLimitCases',
  /** Sum of the statutory limits in force (extensions included) of the completed cases. */
  'statutoryLimitDays',
  /** Accepted cases ended that day without a decision: withdrawn, returned, voided, refused. */
  'terminated',
  /**
   * Running totals: +1 on the first day a case is past its promised (statutory) limit while still
   * open, −1 on the day it ends. Their sum up to a day is the number of open overdue cases that day.
   */
  'promisedOverdueOpenDelta',
  'statutoryOverdueOpenDelta',
  /** Events by the day they happened in the department (occurredAt). */
  'submissions',
  'suspensions',
  'corrections',
  'events',
  /** …received by the centre more than the reporting limit (24 h) after they happened. */
  'eventsLate',
  /** Completed with at least one working day of the statutory limit (extensions credited) to spare. */
  'completedStatutoryEarly',
] as const;

export type DailyCounter = (typeof DAILY_COUNTERS)[number];
export type DailyCounters = Record<DailyCounter, number>;

/** The SQL column of a counter: `promisedOverdueOpenDelta` → `promised_overdue_open_delta`. */
export function counterColumn(counter: DailyCounter): string {
  return counter.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function zeroCounters(): DailyCounters {
  return Object.fromEntries(DAILY_COUNTERS.map((counter) => [counter, 0])) as DailyCounters;
}

export function addCounters(target: DailyCounters, source: Partial<DailyCounters>, sign = 1): DailyCounters {
  for (const counter of DAILY_COUNTERS) {
    const value = source[counter];
    if (value) target[counter] += sign * value;
  }
  return target;
}
