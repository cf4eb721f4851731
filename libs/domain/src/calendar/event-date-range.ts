import { IsoDate } from './calendar-date';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from './holiday-year-file';
import { WorkingCalendar } from './working-calendar';

export interface EventDateRange {
  from: IsoDate;
  through: IsoDate;
}

/**
 * The local dates a case event may carry: within the calendar's range (2000–2099) and no later than
 * the year after the last published notice — that year's clocks are provisional (Monday–Friday)
 * until its notice is loaded; a date beyond it could not be counted at all. Ingest rejects other
 * dates with a field error instead of storing an event the clocks would have to leave out.
 */
export function eventDateRange(calendar: WorkingCalendar): EventDateRange {
  const lastPublished = calendar.publishedYears().at(-1);
  const lastYear = Math.min(CALENDAR_LAST_YEAR, (lastPublished ?? CALENDAR_FIRST_YEAR) + 1);
  return { from: `${CALENDAR_FIRST_YEAR}-01-01`, through: `${lastYear}-12-31` };
}
