import { CountingPolicy, DEFAULT_COUNTING_POLICY, Instant } from '../calendar/counting-policy';
import { Deadline, deadlineFromInstant } from '../calendar/deadline';
import { WorkingCalendar } from '../calendar/working-calendar';
import { DEFAULT_SUPERVISION_SETTINGS, SupervisionSettings } from './rule-settings';

/**
 * 督办期限: the deadline by which a department must rectify or reply to a YELLOW card before it
 * escalates to RED — N working days counted like any statutory limit from the day it was raised.
 */
export function supervisionDeadlineFor(
  calendar: WorkingCalendar,
  raisedAt: Instant,
  settings: SupervisionSettings = DEFAULT_SUPERVISION_SETTINGS,
  policy: CountingPolicy = DEFAULT_COUNTING_POLICY,
): Deadline {
  return deadlineFromInstant(calendar, raisedAt, settings.yellowCardDeadlineWorkingDays, policy);
}
