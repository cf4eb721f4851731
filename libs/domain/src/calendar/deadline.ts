import { IsoDate } from './calendar-date';
import {
  CountingPolicy,
  DEFAULT_COUNTING_POLICY,
  Instant,
  countingOrigin,
  dueInstantMs,
  localDateOf,
  toIsoInstant,
} from './counting-policy';
import { WorkingCalendar } from './working-calendar';

/**
 * Deadlines under the counting policy, for any limit that does not pause (a supervision order's
 * 5 working days, a notice period…). Per-case clocks with pauses and extensions live in `clock/`.
 */
export interface Deadline {
  dueOn: IsoDate;
  /** ISO instant (UTC) at which the limit runs out. */
  dueAt: string;
  provisional: boolean;
}

/** The deadline of `workingDays` counted from something that started on `startedOn`. */
export function deadlineFor(
  calendar: WorkingCalendar,
  startedOn: IsoDate,
  workingDays: number,
  policy: CountingPolicy = DEFAULT_COUNTING_POLICY,
): Deadline {
  const origin = countingOrigin(startedOn, policy);
  const dueOn = calendar.addWorkingDays(origin, workingDays);
  return {
    dueOn,
    dueAt: toIsoInstant(dueInstantMs(dueOn, policy)),
    provisional: calendar.hasProvisionalDayBetween(origin, dueOn),
  };
}

/** The deadline of `workingDays` counted from an instant (its local date is the start day). */
export function deadlineFromInstant(
  calendar: WorkingCalendar,
  startedAt: Instant,
  workingDays: number,
  policy: CountingPolicy = DEFAULT_COUNTING_POLICY,
): Deadline {
  return deadlineFor(calendar, localDateOf(startedAt, policy), workingDays, policy);
}

/** Working days used by `onDate` (inclusive) of a limit that started on `startedOn`; 0 before it starts. */
export function workingDaysUsed(
  calendar: WorkingCalendar,
  startedOn: IsoDate,
  onDate: IsoDate,
  policy: CountingPolicy = DEFAULT_COUNTING_POLICY,
): number {
  return Math.max(0, calendar.workingDaysBetween(countingOrigin(startedOn, policy), onDate));
}
