import { formatIsoDate, localDayNumberOf, localDayStartMs } from './calendar-date';
import { WorkingCalendar } from './working-calendar';

/**
 * Office hours on the working-day calendar, pure: time is passed in, nothing is read. A working
 * day (the calendar's, so make-up Saturdays count and holiday weekdays do not) has one or more
 * windows, e.g. 08:30–12:00 and 14:00–17:30 Asia/Shanghai; everything else is quiet time.
 */
export interface WorkingWindow {
  /** Minutes after local midnight; start < end, windows sorted and not overlapping. */
  readonly start: number;
  readonly end: number;
}

export interface OfficeHours {
  readonly calendar: WorkingCalendar;
  readonly windows: readonly WorkingWindow[];
  /** +480: Asia/Shanghai, which has had no daylight saving in the calendar's years. */
  readonly utcOffsetMinutes: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Longer than any holiday break: finding no working time in this many days means a broken calendar. */
const SEARCH_DAYS = 400;

/** Parses `HH:MM-HH:MM[,HH:MM-HH:MM…]`; throws with a reason a person can act on. */
export function parseWorkingWindows(text: string): WorkingWindow[] {
  const windows = text.split(',').map((part) => {
    const match = /^\s*(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s*$/.exec(part);
    if (!match) throw new Error(`must look like 08:30-12:00,14:00-17:30, got "${text}"`);
    const [h1, m1, h2, m2] = match.slice(1).map(Number);
    if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) throw new Error(`has a time that does not exist in "${part.trim()}"`);
    return { start: h1 * 60 + m1, end: Math.min(h2 * 60 + m2, 24 * 60) };
  });
  windows.forEach((w, i) => {
    if (w.start >= w.end) throw new Error(`window ${i + 1} must end after it starts`);
    if (i > 0 && w.start < windows[i - 1].end) throw new Error(`windows must be in order and must not overlap`);
  });
  return windows;
}

/** The working intervals [from, to) of one local day, epoch ms; none on a rest day. */
function intervalsOf(hours: OfficeHours, day: number): [number, number][] {
  if (!hours.calendar.isWorkingDay(formatIsoDate(day))) return [];
  const midnight = localDayStartMs(day, hours.utcOffsetMinutes);
  return hours.windows.map((w) => [midnight + w.start * MINUTE_MS, midnight + w.end * MINUTE_MS]);
}

function* intervalsFrom(hours: OfficeHours, atMs: number): Generator<[number, number]> {
  const first = localDayNumberOf(atMs, hours.utcOffsetMinutes);
  for (let day = first; day < first + SEARCH_DAYS; day++) {
    for (const interval of intervalsOf(hours, day)) if (interval[1] > atMs) yield interval;
  }
  throw new RangeError(`no working time within ${SEARCH_DAYS} days of ${new Date(atMs).toISOString()}`);
}

export function isWorkingTime(hours: OfficeHours, atMs: number): boolean {
  return intervalsOf(hours, localDayNumberOf(atMs, hours.utcOffsetMinutes)).some(([from, to]) => atMs >= from && atMs < to);
}

/** `atMs` itself during office hours; otherwise the start of the next window (the next working morning). */
export function nextWorkingTime(hours: OfficeHours, atMs: number): number {
  const [from] = intervalsFrom(hours, atMs).next().value as [number, number];
  return Math.max(from, atMs);
}

/**
 * The instant at which `workingHours` of office time have passed since `atMs`: nights, lunch breaks,
 * weekends and holidays do not count. An amount that ends exactly at a window's end carries over to
 * the next window's start, so the result is always inside office hours.
 */
export function addWorkingHours(hours: OfficeHours, atMs: number, workingHours: number): number {
  let remaining = workingHours * HOUR_MS;
  for (const [from, to] of intervalsFrom(hours, atMs)) {
    const start = Math.max(from, atMs);
    if (remaining < to - start) return start + remaining;
    remaining -= to - start;
  }
  throw new RangeError('unreachable: the interval search throws first');
}

/** The start of the first window of `atMs`'s local day if that day is a working day, else null. */
export function officeOpeningOf(hours: OfficeHours, atMs: number): { day: string; opensAt: number } | null {
  const day = localDayNumberOf(atMs, hours.utcOffsetMinutes);
  const [first] = intervalsOf(hours, day);
  return first ? { day: formatIsoDate(day), opensAt: first[0] } : null;
}
