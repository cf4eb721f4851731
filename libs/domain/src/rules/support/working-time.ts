import { MS_PER_DAY, formatIsoDate, localDayNumberOf, localDayStartMs, parseIsoDate } from '../../calendar/calendar-date';
import { CountingPolicy } from '../../calendar/counting-policy';
import { WorkingCalendar } from '../../calendar/working-calendar';

/**
 * Time measured on working days only: each working day counts its full 24 hours, other days
 * nothing. A feed that stops on Friday evening is not "silent" over the weekend.
 */
export function workingMsBetween(calendar: WorkingCalendar, policy: CountingPolicy, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const offset = policy.utcOffsetMinutes;
  const fromDay = localDayNumberOf(fromMs, offset);
  const toDay = localDayNumberOf(toMs, offset);
  const working = (day: number) => calendar.isWorkingDay(formatIsoDate(day));
  if (fromDay === toDay) return working(fromDay) ? toMs - fromMs : 0;
  const head = working(fromDay) ? localDayStartMs(fromDay + 1, offset) - fromMs : 0;
  const middle = calendar.workingDaysBetween(formatIsoDate(fromDay), formatIsoDate(toDay - 1)) * MS_PER_DAY;
  const tail = working(toDay) ? toMs - localDayStartMs(toDay, offset) : 0;
  return head + middle + tail;
}

/** The instant at which `durationMs` of working time has passed since `fromMs`. */
export function instantAfterWorkingMs(calendar: WorkingCalendar, policy: CountingPolicy, fromMs: number, durationMs: number): number {
  if (durationMs <= 0) return fromMs;
  const offset = policy.utcOffsetMinutes;
  const fromDay = localDayNumberOf(fromMs, offset);
  let remaining = durationMs;
  if (calendar.isWorkingDay(formatIsoDate(fromDay))) {
    const restOfDay = localDayStartMs(fromDay + 1, offset) - fromMs;
    if (remaining <= restOfDay) return fromMs + remaining;
    remaining -= restOfDay;
  }
  // The rest falls on the `days`-th working day after the start day.
  const days = Math.ceil(remaining / MS_PER_DAY);
  const day = calendar.addWorkingDays(formatIsoDate(fromDay), days);
  return localDayStartMs(parseIsoDate(day), offset) + remaining - (days - 1) * MS_PER_DAY;
}
