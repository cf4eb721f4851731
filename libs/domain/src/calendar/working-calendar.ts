import {
  IsoDate,
  dayNumberFromParts,
  formatIsoDate,
  isWeekend,
  parseIsoDate,
} from './calendar-date';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  HolidayYearFile,
  holidayYearFileProblems,
  isPublishedYearFile,
} from './holiday-year-file';

export type DayReason = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKEUP_WORKDAY';

export interface DayDescription {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  /** The holiday a listed day belongs to (a holiday, or the holiday a make-up working day pays for). */
  holidayName?: string;
  /** true when the day's status may still change with a notice that is not published yet. */
  provisional: boolean;
}

const FIRST_DAY = dayNumberFromParts(CALENDAR_FIRST_YEAR, 1, 1);
const LAST_DAY = dayNumberFromParts(CALENDAR_LAST_YEAR, 12, 31);
const DAY_COUNT = LAST_DAY - FIRST_DAY + 1;

const REASON_BY_KIND: readonly DayReason[] = ['WORKDAY', 'WEEKEND', 'HOLIDAY', 'MAKEUP_WORKDAY'];
const KIND_WORKDAY = 0;
const KIND_WEEKEND = 1;
const KIND_HOLIDAY = 2;
const KIND_MAKEUP = 3;

// ISO text of every day in range, built once and shared by all calendars: formatting is then an
// array read, which keeps addWorkingDays allocation-free.
let isoByIndex: readonly string[] | undefined;
function isoOfIndex(index: number): IsoDate {
  isoByIndex ??= Array.from({ length: DAY_COUNT }, (_, i) => formatIsoDate(FIRST_DAY + i));
  return isoByIndex[index];
}

function indexOf(date: IsoDate): number {
  const index = parseIsoDate(date) - FIRST_DAY;
  if (index < 0 || index >= DAY_COUNT) {
    throw new RangeError(`${date} is outside the calendar range ${CALENDAR_FIRST_YEAR}..${CALENDAR_LAST_YEAR}`);
  }
  return index;
}

function copyFile(file: HolidayYearFile): HolidayYearFile {
  return { year: file.year, papers: [...file.papers], days: file.days.map((day) => ({ ...day })) };
}

/**
 * China's working-day calendar, immutable, with precomputed indexes so that date arithmetic is O(1):
 *
 * - `workingBefore[i]`: working days in [first day, first day + i) — a prefix sum, so any range count is
 *   one subtraction;
 * - `workingDayAt[k]`: the index of the k-th working day (0-based) — the inverse, so "the n-th working
 *   day after" is one lookup;
 * - `provisionalBefore[i]`: the same prefix sum over provisional days, so "does this count touch an
 *   unpublished year" is O(1) as well.
 *
 * A day is a working day when a notice lists it with isOffDay=false, not one when listed with
 * isOffDay=true, else Monday–Friday. Days of years without a published notice are computed
 * Monday–Friday and reported provisional.
 */
export class WorkingCalendar {
  private constructor(
    private readonly files: ReadonlyMap<number, HolidayYearFile>,
    private readonly published: ReadonlySet<number>,
    private readonly dayKinds: Uint8Array,
    private readonly holidayNames: ReadonlyMap<number, string>,
    private readonly provisionalDays: Uint8Array,
    private readonly workingBefore: Int32Array,
    private readonly workingDayAt: Int32Array,
    private readonly provisionalBefore: Int32Array,
  ) {}

  static readonly firstDate: IsoDate = formatIsoDate(FIRST_DAY);
  static readonly lastDate: IsoDate = formatIsoDate(LAST_DAY);

  /** Builds the calendar from parsed holiday-cn files (any order; one per year). Throws on bad files. */
  static fromYearFiles(yearFiles: readonly HolidayYearFile[]): WorkingCalendar {
    const files = new Map<number, HolidayYearFile>();
    for (const file of yearFiles) {
      const problems = holidayYearFileProblems(file);
      if (problems.length > 0) throw new RangeError(`Holiday file ${String(file.year)}: ${problems.join('; ')}`);
      if (files.has(file.year)) throw new RangeError(`Holiday file ${file.year} given twice`);
      files.set(file.year, copyFile(file));
    }
    return WorkingCalendar.build(files);
  }

  /**
   * A new calendar with one year's file loaded or replaced (e.g. next year's notice, loaded at
   * runtime). Rebuilding every index is a few linear passes over ~36,500 days (a few milliseconds),
   * so nothing is patched in place and a calendar in use never changes under a reader.
   */
  withYearFile(file: HolidayYearFile): WorkingCalendar {
    const problems = holidayYearFileProblems(file);
    if (problems.length > 0) throw new RangeError(`Holiday file ${String(file.year)}: ${problems.join('; ')}`);
    const files = new Map(this.files);
    files.set(file.year, copyFile(file));
    return WorkingCalendar.build(files);
  }

  private static build(files: ReadonlyMap<number, HolidayYearFile>): WorkingCalendar {
    const published = new Set([...files.values()].filter(isPublishedYearFile).map((file) => file.year));
    const dayKinds = new Uint8Array(DAY_COUNT);
    for (let i = 0; i < DAY_COUNT; i++) dayKinds[i] = isWeekend(FIRST_DAY + i) ? KIND_WEEKEND : KIND_WORKDAY;

    // Ascending years, so if two notices ever listed the same December day, the later notice wins.
    const holidayNames = new Map<number, string>();
    for (const year of [...files.keys()].sort((a, b) => a - b)) {
      for (const listed of files.get(year)?.days ?? []) {
        const index = indexOf(listed.date);
        const weekend = isWeekend(FIRST_DAY + index);
        dayKinds[index] = listed.isOffDay ? KIND_HOLIDAY : weekend ? KIND_MAKEUP : KIND_WORKDAY;
        holidayNames.set(index, listed.name);
      }
    }

    // A notice for year Y may re-designate days of December Y-1, so December stays provisional
    // until the next year's notice is out, even when its own year is published.
    const provisionalDays = new Uint8Array(DAY_COUNT);
    for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
      const yearEnd = dayNumberFromParts(year + 1, 1, 1) - FIRST_DAY;
      if (!published.has(year)) provisionalDays.fill(1, dayNumberFromParts(year, 1, 1) - FIRST_DAY, yearEnd);
      else if (!published.has(year + 1)) provisionalDays.fill(1, dayNumberFromParts(year, 12, 1) - FIRST_DAY, yearEnd);
    }

    const workingBefore = new Int32Array(DAY_COUNT + 1);
    const provisionalBefore = new Int32Array(DAY_COUNT + 1);
    for (let i = 0; i < DAY_COUNT; i++) {
      const working = dayKinds[i] === KIND_WORKDAY || dayKinds[i] === KIND_MAKEUP;
      workingBefore[i + 1] = workingBefore[i] + (working ? 1 : 0);
      provisionalBefore[i + 1] = provisionalBefore[i] + provisionalDays[i];
    }
    const workingDayAt = new Int32Array(workingBefore[DAY_COUNT]);
    for (let i = 0; i < DAY_COUNT; i++) {
      if (workingBefore[i + 1] > workingBefore[i]) workingDayAt[workingBefore[i]] = i;
    }
    return new WorkingCalendar(
      files, published, dayKinds, holidayNames, provisionalDays, workingBefore, workingDayAt, provisionalBefore,
    );
  }

  /** Years whose notice is loaded and lists at least one day, ascending. */
  publishedYears(): number[] {
    return [...this.published].sort((a, b) => a - b);
  }

  isPublishedYear(year: number): boolean {
    return this.published.has(year);
  }

  /** The file loaded for a year (a copy), if any — also an empty, unpublished one. */
  yearFile(year: number): HolidayYearFile | undefined {
    const file = this.files.get(year);
    return file && copyFile(file);
  }

  isWorkingDay(date: IsoDate): boolean {
    const kind = this.dayKinds[indexOf(date)];
    return kind === KIND_WORKDAY || kind === KIND_MAKEUP;
  }

  describeDay(date: IsoDate): DayDescription {
    const index = indexOf(date);
    const kind = this.dayKinds[index];
    const holidayName = this.holidayNames.get(index);
    return {
      date: isoOfIndex(index),
      working: kind === KIND_WORKDAY || kind === KIND_MAKEUP,
      reason: REASON_BY_KIND[kind],
      ...(holidayName === undefined ? {} : { holidayName }),
      provisional: this.provisionalDays[index] === 1,
    };
  }

  /**
   * true when the day's status is not final: its year has no published notice, or it is in December
   * and next year's notice (which may list days of this December) is not published yet.
   */
  isProvisional(date: IsoDate): boolean {
    return this.provisionalDays[indexOf(date)] === 1;
  }

  /** true when any day in (after, through] is provisional; false for an empty range. */
  hasProvisionalDayBetween(after: IsoDate, through: IsoDate): boolean {
    const from = indexOf(after);
    const to = indexOf(through);
    return to > from && this.provisionalBefore[to + 1] - this.provisionalBefore[from + 1] > 0;
  }

  /**
   * The working day on which `n` working days after `date` are used up: for n > 0, the n-th working
   * day after `date` (the start day itself never counts here; apply the policy through
   * `countingOrigin`). n = 0 returns `date`. n < 0 returns the working day d with |n| working days
   * in (d, date]. In every case `workingDaysBetween(date, addWorkingDays(date, n)) === n`.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer, got ${n}`);
    if (n === 0) return date;
    const ordinal = this.workingBefore[indexOf(date) + 1] + n - 1;
    if (ordinal < 0 || ordinal >= this.workingDayAt.length) {
      throw new RangeError(`${date} ${n > 0 ? '+' : '-'} ${Math.abs(n)} working days leaves the calendar range`);
    }
    return isoOfIndex(this.workingDayAt[ordinal]);
  }

  /**
   * Working days in (a, b]: a is excluded, b included — the count of days used by a clock that
   * started on a and is read on b. Antisymmetric: negative when b is before a.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.workingBefore[indexOf(b) + 1] - this.workingBefore[indexOf(a) + 1];
  }
}
