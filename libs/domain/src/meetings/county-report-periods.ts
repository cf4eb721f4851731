import { addCalendarDays, IsoDate } from '../calendar/calendar-date';
import { parseQuarter } from '../reports/quarters';

/** By default a county's quarterly report is due 15 calendar days after the quarter ends. */
export const DEFAULT_COUNTY_REPORT_DUE_DAYS = 15;

/** The last day a county may submit its report for `period` (e.g. `2026Q3`), or null for no quarter. */
export function countyReportDueOn(period: string, dueDaysAfterEnd: number): IsoDate | null {
  const quarter = parseQuarter(period);
  if (!quarter) return null;
  if (!Number.isInteger(dueDaysAfterEnd) || dueDaysAfterEnd < 0) throw new RangeError(`due days must be a whole number ≥ 0, got ${dueDaysAfterEnd}`);
  return addCalendarDays(quarter.to, dueDaysAfterEnd);
}

/** What the city sees of one county for one period. */
export type CountyReportStanding = 'SUBMITTED_ON_TIME' | 'SUBMITTED_LATE' | 'NOT_YET_DUE' | 'LATE';

/**
 * A report counts once submitted (signed off by the region's supervisor; a draft does not count).
 * Late = nothing submitted and the due day is over (`today` after `dueOn`); submitted after the due
 * day = submitted late. Dates are local calendar days.
 */
export function countyReportStanding(dueOn: IsoDate, submittedOn: IsoDate | null, today: IsoDate): CountyReportStanding {
  if (submittedOn !== null) return submittedOn <= dueOn ? 'SUBMITTED_ON_TIME' : 'SUBMITTED_LATE';
  return today > dueOn ? 'LATE' : 'NOT_YET_DUE';
}

/** A county report's life: drafted and edited, signed off (submitted), acknowledged by the city. */
export const COUNTY_REPORT_STATES = ['DRAFT', 'SUBMITTED', 'ACKNOWLEDGED'] as const;
export type CountyReportState = (typeof COUNTY_REPORT_STATES)[number];

const COUNTY_REPORT_MOVES: Record<string, readonly CountyReportState[]> = {
  edit: ['DRAFT'],
  submit: ['DRAFT'],
  acknowledge: ['SUBMITTED'],
  guide: ['SUBMITTED', 'ACKNOWLEDGED'],
};
export type CountyReportAction = 'edit' | 'submit' | 'acknowledge' | 'guide';

/** The states in which an action is allowed (guidance is sent on a submitted report, before or after acknowledging). */
export function countyReportActionAllowedIn(action: CountyReportAction): readonly CountyReportState[] {
  return COUNTY_REPORT_MOVES[action];
}
