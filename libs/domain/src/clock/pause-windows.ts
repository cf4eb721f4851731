import { IsoDate } from '../calendar/calendar-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import { StopMoment, SuspensionInput } from './clock-spec';

/**
 * A stretch during which a clock does not count: the working days in (after, through].
 *
 * Same convention as the start of a clock: the day a suspension starts still counts (time was used
 * that day), and the day it ends does not (counting resumes with the next working day), so a suspension
 * that starts and ends on the same day removes nothing.
 */
export interface PauseWindow {
  after: IsoDate;
  through: IsoDate;
  /** Not resumed yet: `through` is today, and the clock is paused. */
  open: boolean;
  source: SuspensionInput;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

/**
 * The suspensions that affect a clock counted after `origin`, clipped to it and to the stop, sorted and
 * made disjoint. An open suspension runs to the stop, else to today.
 */
export function pauseWindowsFor(
  suspensions: readonly SuspensionInput[],
  origin: IsoDate,
  stop: StopMoment | undefined,
  today: IsoDate,
): PauseWindow[] {
  const windows: PauseWindow[] = [];
  for (const suspension of [...suspensions].sort((a, b) => a.from.at - b.from.at)) {
    if (stop && suspension.from.at > stop.at) continue;
    let through = suspension.to?.on ?? stop?.on ?? later(today, suspension.from.on);
    if (stop && (suspension.to === undefined || suspension.to.at > stop.at)) through = stop.on;
    const previous = windows.at(-1);
    const after = later(later(suspension.from.on, origin), previous?.through ?? origin);
    through = later(through, after);
    const open = suspension.to === undefined && stop === undefined;
    // An open suspension is kept even while it has covered no counted day yet (suspended on the day of
    // acceptance, read that same day): the clock is paused from that moment, not running.
    if (through <= origin && !open) continue;
    windows.push({ after, through, open, source: suspension });
  }
  return windows;
}

/** Working days that count in (origin, through]: all working days minus those inside pause windows. */
export function countedWorkingDays(
  calendar: WorkingCalendar,
  origin: IsoDate,
  through: IsoDate,
  windows: readonly PauseWindow[],
): number {
  if (through <= origin) return 0;
  let counted = calendar.workingDaysBetween(origin, through);
  for (const window of windows) counted -= pausedWorkingDaysWithin(calendar, window, through);
  return counted;
}

/** Working days of one window that fall on or before `through`. */
export function pausedWorkingDaysWithin(calendar: WorkingCalendar, window: PauseWindow, through: IsoDate): number {
  const end = earlier(window.through, through);
  return end > window.after ? calendar.workingDaysBetween(window.after, end) : 0;
}

/**
 * The day on which the count after `origin` reaches `k`, skipping pause windows: O(windows) lookups,
 * no day-by-day walk. k ≤ 0 gives the origin itself.
 */
export function dayReachingCount(
  calendar: WorkingCalendar,
  origin: IsoDate,
  k: number,
  windows: readonly PauseWindow[],
): IsoDate {
  if (k <= 0) return origin;
  let remaining = k;
  let cursor = origin;
  for (const window of windows) {
    const beforePause = calendar.workingDaysBetween(cursor, window.after);
    if (beforePause >= remaining) return calendar.addWorkingDays(cursor, remaining);
    remaining -= Math.max(0, beforePause);
    cursor = later(cursor, window.through);
  }
  return calendar.addWorkingDays(cursor, remaining);
}
