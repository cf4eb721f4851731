import { EventType, SuspensionReason } from '@app/contracts';
import { IsoDate } from '../calendar/calendar-date';
import { CountingPolicy } from '../calendar/counting-policy';
import { WorkingCalendar } from '../calendar/working-calendar';
import { ClockKind, ClockSettings } from './clock-types';
import { ApproverAuthority, ExtensionApprovers } from './extension-approvers';

/** A point in a case's history: the instant of an event and its local calendar date. */
export interface Moment {
  /** Epoch milliseconds. */
  at: number;
  /** Local (policy offset) calendar date of `at`. */
  on: IsoDate;
  eventId?: string;
}

export interface StopMoment extends Moment {
  by: EventType;
}

export interface SuspensionInput {
  eventId: string;
  reason: SuspensionReason;
  from: Moment;
  /** Absent while not resumed. */
  to?: Moment;
}

export interface ExtensionInput {
  eventId: string;
  occurredAt: string;
  at: number;
  /** Local date of `at`: the day the approver's office is checked on. */
  on: IsoDate;
  days: number;
  approvedBy?: string;
}

/** What a clock is, before it is measured: derived from events, independent of `now`. */
export interface ClockSpec {
  kind: ClockKind;
  step?: string;
  start: Moment;
  baseLimitWorkingDays: number;
  stop?: StopMoment;
  /**
   * Approved extensions add to the limit up to `capDays` (statutory decision clock only). With
   * `approvers`, only an approver who held the `authority` that day extends the limit; without
   * them (a caller that has no list of heads) any named approver does, and a note says so.
   */
  extensions?: { inputs: readonly ExtensionInput[]; capDays: number; authority: ApproverAuthority; approvers?: ExtensionApprovers };
  notes: string[];
}

export interface ClockContext {
  calendar: WorkingCalendar;
  policy: CountingPolicy;
  settings: ClockSettings;
  /** Epoch ms of `now`. */
  now: number;
  /** Local date of `now`. */
  today: IsoDate;
  /** The case's suspensions; honoured by the clock kinds `settings.pausedBySuspension` names. */
  suspensions: readonly SuspensionInput[];
}
