import { CountingPolicy, DEFAULT_COUNTING_POLICY, localDateOf } from './counting-policy';
import { WorkingCalendar } from './working-calendar';

export interface CalendarWarning {
  code: 'CALENDAR_NOT_PUBLISHED';
  year: number;
  message: string;
}

/** The State Council publishes next year's holidays in November; from then on its absence matters. */
const NEXT_YEAR_EXPECTED_FROM_MONTH = 11;

/**
 * What the centre must load before it bends clocks: the current year's calendar always, and from
 * 1 November the next year's (a clock due in January counts December and January days).
 */
export function calendarWarnings(calendar: WorkingCalendar, now: Date, policy: CountingPolicy = DEFAULT_COUNTING_POLICY): CalendarWarning[] {
  const [year, month] = localDateOf(now, policy).split('-').map(Number);
  const needed = month >= NEXT_YEAR_EXPECTED_FROM_MONTH ? [year, year + 1] : [year];
  return needed
    .filter((y) => !calendar.isPublishedYear(y))
    .map((y) => ({
      code: 'CALENDAR_NOT_PUBLISHED' as const,
      year: y,
      message: `No published holiday calendar for ${y}: clocks counting days of ${y} are provisional (Monday–Friday). Load it with PUT /api/v1/calendars/${y}.`,
    }));
}
