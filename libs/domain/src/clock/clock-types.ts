import { EventType, SuspensionReason } from '@app/contracts';
import { IsoDate } from '../calendar/calendar-date';
import { ApproverAuthority } from './extension-approvers';

export const CLOCK_KINDS = [
  'ACCEPTANCE_NOTICE',
  'LOWER_REVIEW',
  'DECISION_PROMISED',
  'DECISION_STATUTORY',
  'STEP',
  'ISSUANCE',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/**
 * running: counting, due not passed. paused: inside a suspension (art. 45) that has not ended.
 * met: stopped by or before its due instant. breached: due instant passed (stopped late, or still open).
 */
export type ClockState = 'running' | 'paused' | 'met' | 'breached';

/** Statutory constants and thresholds; the defaults are the law's (see DEFAULT_CLOCK_SETTINGS). */
export interface ClockSettings {
  /** art. 32(4): tell the applicant everything missing within 5 working days of receipt. */
  acceptanceNoticeDays: number;
  /** art. 43: lower-level review within 20 working days of acceptance. */
  lowerReviewDays: number;
  /** art. 44: issue the licence within 10 working days of the decision. */
  issuanceDays: number;
  /** art. 42: decision within 20 working days; 45 for unified / joint handling. */
  defaultStatutoryDays: number;
  jointStatutoryDays: number;
  /** art. 42: at most +10 working days of approved extension; +15 for joint handling. */
  extensionCapDays: number;
  jointExtensionCapDays: number;
  /** DEADLINE_NEAR: warn when at most this many working days remain… */
  warnAtRemainingWorkingDays: number;
  /** …or when at least this fraction of the limit is used, whichever comes first. */
  warnAtUsedFraction: number;
  /**
   * Clock kinds whose time a suspension (hearing, testing, expert review…) does not count. Art. 45
   * excludes that time from every limit of arts. 42–44: the decision clocks, the lower-level review
   * (art. 43) and issuance (art. 44); a step's own limit follows STEP_OVERDUE's setting.
   */
  pausedBySuspension: readonly ClockKind[];
  /** The explanation lists days one by one; beyond this many calendar days it is cut short. */
  explanationMaxDays: number;
}

export const DEFAULT_CLOCK_SETTINGS: ClockSettings = Object.freeze({
  acceptanceNoticeDays: 5,
  lowerReviewDays: 20,
  issuanceDays: 10,
  defaultStatutoryDays: 20,
  jointStatutoryDays: 45,
  extensionCapDays: 10,
  jointExtensionCapDays: 15,
  warnAtRemainingWorkingDays: 1,
  warnAtUsedFraction: 0.9,
  pausedBySuspension: Object.freeze(['LOWER_REVIEW', 'DECISION_PROMISED', 'DECISION_STATUTORY', 'ISSUANCE'] as const),
  explanationMaxDays: 400,
});

export interface CountedRange {
  from: IsoDate;
  to: IsoDate;
  workingDays: number;
}

export type SkipReason = 'WEEKEND' | 'HOLIDAY' | 'SUSPENSION';

export interface SkippedDay {
  date: IsoDate;
  reason: SkipReason;
  holidayName?: string;
}

export interface MakeUpWorkingDay {
  date: IsoDate;
  holidayName?: string;
}

export interface SuspensionSpan {
  eventId: string;
  reason: SuspensionReason;
  suspendedOn: IsoDate;
  /** Absent while the suspension has not ended. */
  resumedOn?: IsoDate;
  /** Working days this suspension kept off the clock, in (suspendedOn, resumedOn or today]. */
  workingDaysNotCounted: number;
}

/**
 * NO_APPROVER: no approver named. NOT_A_HEAD: the approver was not, that day, a head whose approval
 * the law requires (art. 42: the department's head for +10; the government's head for +15).
 */
export type ExtensionRefusal = 'NO_APPROVER' | 'NOT_A_HEAD' | 'OVER_CAP' | 'AFTER_DUE' | 'AFTER_STOP';

export interface ExtensionDecision {
  eventId: string;
  occurredAt: string;
  requestedDays: number;
  creditedDays: number;
  refusedDays: number;
  approvedBy?: string;
  /** Whose approval the law requires for this extension. */
  requiredApprover?: ApproverAuthority;
  /** Why some or all of the requested days were not credited. */
  refusal?: ExtensionRefusal;
}

export interface ClockExplanation {
  /** Counting covers the working days after this day (the start day, under the default policy). */
  countedAfter: IsoDate;
  /** …up to and including this day: the later of the due day and the day the clock was read or stopped. */
  countedThrough: IsoDate;
  /** The limit before extensions, and the limit in force. */
  baseLimitWorkingDays: number;
  limitWorkingDays: number;
  /** Runs of days that count, between skipped days. */
  countedRanges: CountedRange[];
  /** Every day in the window that does not count, with its reason. */
  skippedDays: SkippedDay[];
  /** Weekend days that count because a notice made them working days. */
  makeUpWorkingDays: MakeUpWorkingDay[];
  suspensions: SuspensionSpan[];
  extensions: ExtensionDecision[];
  /** Years in the window computed Monday–Friday because their calendar is not final. */
  provisionalYears: number[];
  /** Plain-language remarks: defaults applied, deemed acceptance, projections. */
  notes: string[];
  /** true when the window was longer than `explanationMaxDays` and the day lists were cut. */
  truncated: boolean;
}

export interface CaseClock {
  kind: ClockKind;
  /** The catalogued step code, for kind 'STEP'. */
  step?: string;
  limitWorkingDays: number;
  /** The local (Asia/Shanghai) date of the start event. */
  startedOn: IsoDate;
  /** Instant of the event that started the clock. */
  startedAt: string;
  /** The last working day of the limit (projected as if resumed today while paused). */
  dueOn: IsoDate;
  /** ISO instant (UTC) the limit runs out: 24:00 local time of dueOn. */
  dueAt: string;
  /** ISO instant from which DEADLINE_NEAR holds (≤ N remaining or ≥ fraction used). */
  warningAt: string;
  stoppedAt?: string;
  stoppedBy?: EventType;
  /** Working days counted up to the stop day, or up to today (inclusive) while open. */
  usedWorkingDays: number;
  /** limit − used; negative when the clock has run past its limit. */
  remainingWorkingDays: number;
  /** Working days not counted because of suspensions. */
  suspendedWorkingDays: number;
  state: ClockState;
  /** true if the count touches a day whose calendar is not published; it is then Monday–Friday. */
  provisional: boolean;
  /** The next threshold instant (warning, then due) after now; null when stopped, paused or past due. */
  nextCheckAt: string | null;
  explanation: ClockExplanation;
}

export interface CaseClocks {
  clocks: CaseClock[];
  /** The day the decision clocks start from: the ACCEPTED date, or the deemed acceptance date. */
  acceptedOn?: IsoDate;
  /** Set when no correction notice came within the limit: accepted on the day materials were received. */
  deemedAcceptedOn?: IsoDate;
  provisional: boolean;
  /** The earliest nextCheckAt of the case's clocks. */
  nextCheckAt: string | null;
}
