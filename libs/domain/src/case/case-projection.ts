import {
  CaseAnomaly,
  CaseSnapshot,
  CaseStatus,
  CLOSED_CASE_STATUSES,
  StoredCaseEvent,
} from '@app/contracts';
import { toIsoInstant } from '../calendar/counting-policy';
import { CaseEventKey, caseEventKey, orderCaseEvents } from './case-event-order';

/** Normalises an ISO instant with any offset to UTC, so equal instants compare equal as text. */
const utc = (iso: string): string => toIsoInstant(Date.parse(iso));

const isClosed = (status: CaseStatus): boolean => CLOSED_CASE_STATUSES.includes(status);

/** Terminal events always apply (a completed case can still be voided); others do not reopen a case. */
const TERMINAL_TYPES = new Set(['WITHDRAWN', 'RETURNED', 'VOIDED', 'NOT_ACCEPTED']);

/**
 * A case's state as a left fold over its events in case order, with what the fold needs to go on
 * from where it stopped: the status a RESUMED returns to and the last event folded. Stored beside
 * the snapshot, it lets a projection apply newly arrived events without reading the history again
 * (`foldFurther`); `foldCase` over the whole history is the oracle it must always agree with.
 */
export interface CaseFold {
  snapshot: CaseSnapshot;
  statusBeforeSuspension: CaseStatus;
  /** The last event folded, in case order; a new event must come after it to be folded on. */
  last: CaseEventKey;
}

/**
 * Projects a case's current state from its full history. Pure and order-independent: the history
 * is sorted first, so any delivery order of the same events gives the same snapshot.
 */
export function projectCase(history: readonly StoredCaseEvent[]): CaseSnapshot {
  if (history.length === 0) throw new Error('projectCase needs at least one event');
  return foldCase(orderCaseEvents(history)).snapshot;
}

/** The fold of a whole history already in case order (`orderCaseEvents`). */
export function foldCase(ordered: readonly StoredCaseEvent[]): CaseFold {
  if (ordered.length === 0) throw new Error('foldCase needs at least one event');
  const first = ordered[0];
  const start: CaseFold = {
    snapshot: {
      departmentCode: first.departmentCode,
      caseId: first.caseId,
      itemCode: first.itemCode,
      status: 'RECEIVED',
      open: true,
      currentStep: null,
      responsibleOfficerId: null,
      submittedAt: null,
      acceptedAt: null,
      decidedAt: null,
      outcome: null,
      certificateIssuedAt: null,
      closedAt: null,
      suspended: false,
      eventCount: 0,
      firstOccurredAt: utc(first.occurredAt),
      lastOccurredAt: utc(first.occurredAt),
      anomalies: [],
    },
    statusBeforeSuspension: 'IN_PROGRESS',
    last: caseEventKey(first),
  };
  return foldFurther(start, ordered);
}

/**
 * Folds events that come after `fold.last` in case order, themselves in case order, onto a stored
 * fold. The caller checks that order (see `applyEvents`); given it, the result equals `foldCase`
 * of the whole history. Never mutates its input.
 */
export function foldFurther(fold: CaseFold, ordered: readonly StoredCaseEvent[]): CaseFold {
  const state: CaseSnapshot = { ...fold.snapshot, eventCount: fold.snapshot.eventCount + ordered.length };
  // NO_SUBMISSION is judged on the whole history at the end; every other anomaly, once found, stays.
  const anomalies = new Set<CaseAnomaly>(fold.snapshot.anomalies.filter((a) => a !== 'NO_SUBMISSION'));
  const statusBeforeSuspension: { value: CaseStatus } = { value: fold.statusBeforeSuspension };
  let last = fold.last;

  for (const event of ordered) {
    const at = utc(event.occurredAt);
    if (at > state.lastOccurredAt) state.lastOccurredAt = at;
    if (event.itemCode !== state.itemCode) anomalies.add('ITEM_CODE_CHANGED');
    if (event.officerId) state.responsibleOfficerId = event.officerId;
    last = caseEventKey(event);
    if (isClosed(state.status) && !TERMINAL_TYPES.has(event.type)) {
      anomalies.add('EVENT_AFTER_CLOSE');
      continue;
    }
    applyEvent(state, event, at, anomalies, statusBeforeSuspension);
  }

  if (state.submittedAt === null) anomalies.add('NO_SUBMISSION');
  state.open = !isClosed(state.status);
  state.anomalies = [...anomalies].sort();
  return { snapshot: state, statusBeforeSuspension: statusBeforeSuspension.value, last };
}

function applyEvent(
  state: CaseSnapshot,
  event: StoredCaseEvent,
  at: string,
  anomalies: Set<CaseAnomaly>,
  beforeSuspension: { value: CaseStatus },
): void {
  const close = (status: CaseStatus) => {
    state.status = status;
    state.closedAt = at;
    state.suspended = false;
    state.currentStep = null;
  };
  switch (event.type) {
    case 'SUBMITTED':
      state.submittedAt ??= at;
      return;
    case 'CORRECTION_REQUESTED':
      state.status = 'AWAITING_CORRECTION';
      return;
    case 'CORRECTION_SUBMITTED':
      state.status = 'RECEIVED';
      return;
    case 'ACCEPTED':
      state.acceptedAt ??= at;
      state.status = 'ACCEPTED';
      return;
    case 'STEP_STARTED':
      state.currentStep = event.data.step;
      if (!state.suspended) state.status = 'IN_PROGRESS';
      return;
    case 'STEP_COMPLETED':
      if (state.currentStep === event.data.step) state.currentStep = null;
      return;
    case 'SUSPENDED':
      if (!state.suspended) beforeSuspension.value = state.status;
      state.suspended = true;
      state.status = 'SUSPENDED';
      return;
    case 'RESUMED':
      if (state.suspended) state.status = beforeSuspension.value;
      state.suspended = false;
      return;
    case 'FORWARDED':
      state.status = 'FORWARDED';
      return;
    case 'DECIDED':
      if (state.acceptedAt === null) anomalies.add('DECIDED_BEFORE_ACCEPTED');
      state.decidedAt = at;
      state.outcome = event.data.outcome;
      if (event.data.outcome === 'DENIED') close('DENIED');
      else {
        state.status = 'APPROVED';
        state.suspended = false;
      }
      return;
    case 'CERTIFICATE_ISSUED':
      state.certificateIssuedAt = at;
      close('COMPLETED');
      return;
    case 'NOT_ACCEPTED':
      close('NOT_ACCEPTED');
      return;
    case 'WITHDRAWN':
      close('WITHDRAWN');
      return;
    case 'RETURNED':
      close('RETURNED');
      return;
    case 'VOIDED':
      close('VOIDED');
      return;
    case 'EXTENDED':
    case 'FEE_CHARGED':
      return;
  }
}
