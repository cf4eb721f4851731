import { NotificationSettings } from '../config/notification-settings';

/**
 * Who is told at each step while an OPEN card stays unacknowledged, and after how many working
 * hours: step 1 the officer's supervisor (after NOTIFICATION_ESCALATE_AFTER_WORKING_HOURS), step 2
 * the department's supervisors, then reminders to all of them, spaced by the backoff list (e.g. 1 h,
 * 4 h, 8 h = the next working day). After the last step the daily digest keeps the card in view.
 */
export type LadderAudience = 'officer' | 'officer-supervisor' | 'department-supervisors';

export interface LadderStep {
  kind: 'ESCALATION' | 'REMINDER';
  audiences: LadderAudience[];
  /** How the message names whom it is for. */
  audienceName: string;
}

export function ladderStep(step: number): LadderStep {
  if (step === 1) return { kind: 'ESCALATION', audiences: ['officer-supervisor'], audienceName: '承办人的上级' };
  if (step === 2) return { kind: 'ESCALATION', audiences: ['department-supervisors'], audienceName: '部门负责人' };
  return { kind: 'REMINDER', audiences: ['officer', 'officer-supervisor', 'department-supervisors'], audienceName: '相关负责人' };
}

export function lastLadderStep(settings: Pick<NotificationSettings, 'reminderBackoffWorkingHours'>): number {
  return 1 + settings.reminderBackoffWorkingHours.length;
}

/** Working hours from step `step - 1` to step `step` (from the level change for step 1). */
export function workingHoursBefore(step: number, settings: Pick<NotificationSettings, 'escalateAfterWorkingHours' | 'reminderBackoffWorkingHours'>): number {
  return step === 1 ? settings.escalateAfterWorkingHours : settings.reminderBackoffWorkingHours[step - 2];
}
