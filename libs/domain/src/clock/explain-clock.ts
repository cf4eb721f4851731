import { IsoDate, formatIsoDate, parseIsoDate, partsFromDayNumber } from '../calendar/calendar-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import { ClockExplanation, ClockSettings, CountedRange, ExtensionDecision } from './clock-types';
import { PauseWindow, pausedWorkingDaysWithin } from './pause-windows';

export interface ExplainInput {
  calendar: WorkingCalendar;
  settings: ClockSettings;
  origin: IsoDate;
  countedThrough: IsoDate;
  countsUntil: IsoDate;
  windows: readonly PauseWindow[];
  baseLimitWorkingDays: number;
  limitWorkingDays: number;
  extensions: ExtensionDecision[];
  notes: readonly string[];
}

/** Years of (origin, through] containing a day whose calendar is not final. O(years), not O(days). */
function provisionalYearsIn(calendar: WorkingCalendar, origin: IsoDate, through: IsoDate): number[] {
  const years: number[] = [];
  if (through <= origin) return years;
  const firstYear = partsFromDayNumber(parseIsoDate(origin) + 1).year;
  const lastYear = partsFromDayNumber(parseIsoDate(through)).year;
  for (let year = firstYear; year <= lastYear; year++) {
    const after = year === firstYear ? origin : `${year - 1}-12-31`;
    const until = year === lastYear ? through : `${year}-12-31`;
    if (calendar.hasProvisionalDayBetween(after, until)) years.push(year);
  }
  return years;
}

/**
 * The clock's working, day by day: which days counted (as ranges), which were skipped and why, which
 * weekend days were make-up working days, and what the suspensions and extensions did. This is the one
 * place that walks days — it is text for people, bounded by `explanationMaxDays`; arithmetic never
 * depends on it.
 */
export function explainClock(input: ExplainInput): ClockExplanation {
  const { calendar, windows, origin, countedThrough } = input;
  const explanation: ClockExplanation = {
    countedAfter: origin,
    countedThrough,
    baseLimitWorkingDays: input.baseLimitWorkingDays,
    limitWorkingDays: input.limitWorkingDays,
    countedRanges: [],
    skippedDays: [],
    makeUpWorkingDays: [],
    suspensions: windows.map((window) => ({
      eventId: window.source.eventId,
      reason: window.source.reason,
      suspendedOn: window.source.from.on,
      ...(window.source.to ? { resumedOn: window.source.to.on } : {}),
      workingDaysNotCounted: pausedWorkingDaysWithin(calendar, window, input.countsUntil),
    })),
    extensions: input.extensions,
    provisionalYears: provisionalYearsIn(calendar, origin, countedThrough),
    notes: [...input.notes],
    truncated: false,
  };

  const firstDay = parseIsoDate(origin) + 1;
  const lastDay = parseIsoDate(countedThrough);
  const stopDay = Math.min(lastDay, firstDay + input.settings.explanationMaxDays - 1);
  explanation.truncated = stopDay < lastDay;
  let windowIndex = 0;
  let openRange: CountedRange | undefined;
  for (let dayNumber = firstDay; dayNumber <= stopDay; dayNumber++) {
    const date = formatIsoDate(dayNumber);
    while (windowIndex < windows.length && windows[windowIndex].through < date) windowIndex++;
    const window = windows[windowIndex];
    const paused = window !== undefined && window.after < date && date <= window.through;
    const day = calendar.describeDay(date);
    const name = day.holidayName === undefined ? {} : { holidayName: day.holidayName };
    if (day.reason === 'MAKEUP_WORKDAY') explanation.makeUpWorkingDays.push({ date, ...name });
    if (day.working && !paused) {
      if (openRange) {
        openRange.to = date;
        openRange.workingDays++;
      } else {
        openRange = { from: date, to: date, workingDays: 1 };
        explanation.countedRanges.push(openRange);
      }
      continue;
    }
    openRange = undefined;
    if (day.working) explanation.skippedDays.push({ date, reason: 'SUSPENSION' });
    else explanation.skippedDays.push({ date, reason: day.reason === 'HOLIDAY' ? 'HOLIDAY' : 'WEEKEND', ...name });
  }
  if (explanation.truncated) {
    explanation.notes.push(
      input.settings.explanationMaxDays > 0
        ? `Day lists cut after ${input.settings.explanationMaxDays} days (${formatIsoDate(stopDay)}).`
        : 'Day lists not produced (explanationMaxDays = 0).',
    );
  }
  return explanation;
}
