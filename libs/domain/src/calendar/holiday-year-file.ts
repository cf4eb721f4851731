import { dayNumberFromParts, isIsoDate, parseIsoDate } from './calendar-date';

/** One day the State Council notice lists: a holiday (`isOffDay`) or a weekend day worked in exchange. */
export interface HolidayDay {
  name: string;
  date: string;
  isOffDay: boolean;
}

/**
 * One year's published calendar in the holiday-cn format (https://github.com/NateScarlet/holiday-cn):
 * `papers` are the notice URLs; `days` lists only the days that deviate from Monday–Friday.
 * An empty `days` list means the year's notice is not published yet.
 */
export interface HolidayYearFile {
  year: number;
  papers: string[];
  days: HolidayDay[];
}

/** Years the calendar can hold (its day index spans them). */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2099;

/**
 * What is wrong with a holiday file, as readable messages; empty when it can be loaded.
 * A notice for year Y may list days of December Y-1 (the New Year break often starts there), so those
 * are accepted; anything else outside year Y is a mistake worth refusing before it bends every clock.
 */
export function holidayYearFileProblems(file: HolidayYearFile): string[] {
  const problems: string[] = [];
  const { year } = file;
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    return [`year must be an integer in ${CALENDAR_FIRST_YEAR}..${CALENDAR_LAST_YEAR}, got ${String(year)}`];
  }
  if (!Array.isArray(file.papers) || file.papers.some((paper) => typeof paper !== 'string')) {
    problems.push('papers must be a list of strings');
  }
  if (!Array.isArray(file.days)) return [...problems, 'days must be a list'];
  const earliest = dayNumberFromParts(year - 1, 12, 1);
  const latest = dayNumberFromParts(year, 12, 31);
  const seen = new Set<string>();
  file.days.forEach((entry, index) => {
    const where = `days[${index}]`;
    if (typeof entry?.name !== 'string' || typeof entry.isOffDay !== 'boolean') {
      problems.push(`${where} needs a string name and a boolean isOffDay`);
    }
    if (!isIsoDate(entry?.date)) {
      problems.push(`${where}.date is not a YYYY-MM-DD date: ${String(entry?.date)}`);
      return;
    }
    const dayNumber = parseIsoDate(entry.date);
    if (dayNumber < earliest || dayNumber > latest) {
      problems.push(`${where}.date ${entry.date} is outside ${year - 1}-12-01..${year}-12-31`);
    }
    if (seen.has(entry.date)) problems.push(`${where}.date ${entry.date} is listed twice`);
    seen.add(entry.date);
  });
  return problems;
}

/** A year counts as published once its notice lists at least one day. */
export function isPublishedYearFile(file: HolidayYearFile): boolean {
  return file.days.length > 0;
}
