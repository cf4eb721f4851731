/**
 * Calendar dates without `Date` objects.
 *
 * At the API surface a date is an ISO `YYYY-MM-DD` string; inside, it is a *day number*: whole days
 * since 1970-01-01. Day numbers make every calendar question integer arithmetic, and they avoid the
 * host time zone entirely (a `Date` at local midnight silently shifts a day on a UTC server).
 */

/** An ISO calendar date, `YYYY-MM-DD`. Not an instant: it carries no time zone. */
export type IsoDate = string;

/** Whole days since 1970-01-01 (day 0 is 1970-01-01, a Thursday). */
export type DayNumber = number;

export const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to year-month-day (proleptic Gregorian); Howard Hinnant's days_from_civil. */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of {@link dayNumberFromParts}; Hinnant's civil_from_days. */
export function partsFromDayNumber(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const CODE_0 = 48;
const CODE_DASH = 45;

function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - CODE_0;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

/**
 * Parses `YYYY-MM-DD` strictly. Hand-rolled with char codes because it sits on the hot path of
 * `addWorkingDays` (a regex or `Date.parse` costs several times more), and strict because a
 * lenient parser would turn `2025-02-30` into some other day without complaint.
 */
export function parseIsoDate(text: IsoDate): DayNumber {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== CODE_DASH || text.charCodeAt(7) !== CODE_DASH) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(text)}`);
  }
  const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${text}`);
  }
  return dayNumberFromParts(year, month, day);
}

export function isIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string') return false;
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export function formatIsoDate(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function yearOf(dayNumber: DayNumber): number {
  return partsFromDayNumber(dayNumber).year;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(parseIsoDate(date) + days);
}

/**
 * The local calendar day of an instant at a fixed UTC offset. China has used a single offset
 * (+08:00, no daylight saving) throughout the period the data covers, so a fixed offset is exact.
 */
export function localDayNumberOf(epochMs: number, utcOffsetMinutes: number): DayNumber {
  return Math.floor((epochMs + utcOffsetMinutes * 60_000) / MS_PER_DAY);
}

/** The instant (epoch ms) at which a local calendar day begins, at a fixed UTC offset. */
export function localDayStartMs(dayNumber: DayNumber, utcOffsetMinutes: number): number {
  return dayNumber * MS_PER_DAY - utcOffsetMinutes * 60_000;
}
