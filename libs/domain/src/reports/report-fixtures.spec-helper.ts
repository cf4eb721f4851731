// A hand-built month of cases for the report specs (named *.spec-helper.ts so Jest does not run it).
import { CaseReportInput, ReportClock, ReportEvent } from './case-contributions';

/** A local (Asia/Shanghai) time on a day, as an ISO instant with its offset. */
export const local = (day: string, hour = 10): string => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/** An event that happened at `day hour` and reached the centre `delayHours` later. */
export function ev(type: string, day: string, hour = 10, delayHours = 0.1): ReportEvent {
  const occurredAt = local(day, hour);
  return { type, occurredAt, receivedAt: new Date(Date.parse(occurredAt) + delayHours * 3_600_000).toISOString() };
}

export function clock(
  kind: 'DECISION_PROMISED' | 'DECISION_STATUTORY',
  fields: { startedOn: string; dueOn: string; state: string; used: number; limit: number; stoppedAt?: string; stoppedBy?: string },
): ReportClock {
  return {
    kind,
    state: fields.state,
    startedOn: fields.startedOn,
    dueOn: fields.dueOn,
    usedWorkingDays: fields.used,
    limitWorkingDays: fields.limit,
    ...(fields.stoppedAt ? { stoppedAt: new Date(Date.parse(fields.stoppedAt)).toISOString(), stoppedBy: fields.stoppedBy ?? 'DECIDED' } : {}),
  };
}

/**
 * November 2025 (no holidays; weekends only). Hand-computed figures for 2025-11-01…2025-11-30:
 * accepted 7 (A B D E G H I), immediate 1 (D), completed 4 (A 11-10, B 11-20, D 11-05, G 11-28),
 * on time 3 (A D G), early 1 (A), promised late 1 (B), statutory late 0, terminated 1 (E),
 * used 5+13+0+14 = 32, promised limits 10+10+0 over 3 cases, statutory limits 20+20+10+20 = 70,
 * in progress at start 1 (C), at end 3 (C H I), open overdue at end: promised 1 (C), statutory 1 (C),
 * events 22 (late 2: B's decision, F's correction notice), submissions 8, suspensions 1, corrections 1.
 */
export const NOVEMBER: Record<string, CaseReportInput> = {
  A: {
    itemKind: 'PROMISED',
    clocks: [
      clock('DECISION_PROMISED', { startedOn: '2025-11-03', dueOn: '2025-11-17', state: 'met', used: 5, limit: 10, stoppedAt: local('2025-11-10', 11) }),
      clock('DECISION_STATUTORY', { startedOn: '2025-11-03', dueOn: '2025-12-01', state: 'met', used: 5, limit: 20, stoppedAt: local('2025-11-10', 11) }),
    ],
    events: [ev('SUBMITTED', '2025-11-03', 9), ev('ACCEPTED', '2025-11-03'), ev('DECIDED', '2025-11-10', 11)],
  },
  B: {
    itemKind: 'PROMISED',
    clocks: [
      clock('DECISION_PROMISED', { startedOn: '2025-11-03', dueOn: '2025-11-17', state: 'breached', used: 13, limit: 10, stoppedAt: local('2025-11-20', 15) }),
      clock('DECISION_STATUTORY', { startedOn: '2025-11-03', dueOn: '2025-12-01', state: 'met', used: 13, limit: 20, stoppedAt: local('2025-11-20', 15) }),
    ],
    events: [ev('SUBMITTED', '2025-11-03', 9), ev('ACCEPTED', '2025-11-03'), ev('DECIDED', '2025-11-20', 15, 48)],
  },
  C: {
    itemKind: 'PROMISED',
    clocks: [
      clock('DECISION_PROMISED', { startedOn: '2025-10-20', dueOn: '2025-11-03', state: 'breached', used: 29, limit: 10 }),
      clock('DECISION_STATUTORY', { startedOn: '2025-10-20', dueOn: '2025-11-17', state: 'breached', used: 29, limit: 20 }),
    ],
    events: [ev('SUBMITTED', '2025-10-20', 9), ev('ACCEPTED', '2025-10-20')],
  },
  D: {
    itemKind: 'IMMEDIATE',
    clocks: [
      clock('DECISION_PROMISED', { startedOn: '2025-11-05', dueOn: '2025-11-05', state: 'met', used: 0, limit: 0, stoppedAt: local('2025-11-05', 16) }),
      clock('DECISION_STATUTORY', { startedOn: '2025-11-05', dueOn: '2025-11-19', state: 'met', used: 0, limit: 10, stoppedAt: local('2025-11-05', 16) }),
    ],
    events: [ev('SUBMITTED', '2025-11-05', 9), ev('ACCEPTED', '2025-11-05'), ev('DECIDED', '2025-11-05', 16)],
  },
  E: {
    itemKind: 'PROMISED',
    clocks: [
      clock('DECISION_PROMISED', { startedOn: '2025-11-06', dueOn: '2025-11-20', state: 'met', used: 4, limit: 10, stoppedAt: local('2025-11-12'), stoppedBy: 'WITHDRAWN' }),
      clock('DECISION_STATUTORY', { startedOn: '2025-11-06', dueOn: '2025-12-04', state: 'met', used: 4, limit: 20, stoppedAt: local('2025-11-12'), stoppedBy: 'WITHDRAWN' }),
    ],
    events: [ev('SUBMITTED', '2025-11-06', 9), ev('ACCEPTED', '2025-11-06'), ev('WITHDRAWN', '2025-11-12')],
  },
  F: {
    itemKind: 'PROMISED',
    clocks: [],
    events: [ev('SUBMITTED', '2025-11-07', 9, 1), ev('CORRECTION_REQUESTED', '2025-11-08', 10, 50)],
  },
  G: {
    itemKind: null,
    clocks: [clock('DECISION_STATUTORY', { startedOn: '2025-11-10', dueOn: '2025-12-08', state: 'met', used: 14, limit: 20, stoppedAt: local('2025-11-28') })],
    events: [ev('SUBMITTED', '2025-11-10', 9), ev('ACCEPTED', '2025-11-10'), ev('DECIDED', '2025-11-28')],
  },
  H: {
    itemKind: 'PROMISED',
    clocks: [
      clock('DECISION_PROMISED', { startedOn: '2025-11-25', dueOn: '2025-12-09', state: 'paused', used: 1, limit: 10 }),
      clock('DECISION_STATUTORY', { startedOn: '2025-11-25', dueOn: '2025-12-23', state: 'paused', used: 1, limit: 20 }),
    ],
    events: [ev('SUBMITTED', '2025-11-25', 9), ev('ACCEPTED', '2025-11-25'), ev('SUSPENDED', '2025-11-26')],
  },
  I: {
    itemKind: 'PROMISED',
    clocks: [
      clock('DECISION_PROMISED', { startedOn: '2025-11-27', dueOn: '2025-12-11', state: 'met', used: 3, limit: 10, stoppedAt: local('2025-12-02') }),
      clock('DECISION_STATUTORY', { startedOn: '2025-11-27', dueOn: '2025-12-25', state: 'met', used: 3, limit: 20, stoppedAt: local('2025-12-02') }),
    ],
    events: [ev('SUBMITTED', '2025-11-27', 9), ev('ACCEPTED', '2025-11-27'), ev('DECIDED', '2025-12-02')],
  },
};
