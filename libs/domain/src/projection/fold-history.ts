import { CaseSnapshot, CaseStatus, StoredCaseEvent } from '@app/contracts';
import { CaseEventKey, caseEventKey, compareCaseEventKeys, orderCaseEvents } from '../case/case-event-order';
import { CaseFold, foldCase, foldFurther } from '../case/case-projection';

/**
 * The version of the fold's code. A stored fold made by another version is not folded on: a change
 * to `foldFurther` (or to what a cursor means) bumps it, and every case is then re-derived once.
 */
export const FOLD_VERSION = '1';

/** What a stored case row keeps beside its snapshot so the next projection can fold on from it. */
export interface FoldCursor {
  version: string;
  statusBeforeSuspension: CaseStatus;
  /** The last event folded, in case order. */
  last: CaseEventKey;
}

/** A projection as stored: the snapshot columns and the cursor. */
export interface StoredFold {
  snapshot: CaseSnapshot;
  cursor: FoldCursor;
}

export type FullFoldReason =
  /** Nothing stored for the case, or stored before cursors were kept. */
  | 'NOT_STORED'
  /** The stored fold was made by another version of the fold. */
  | 'VERSION_CHANGED'
  /**
   * The events the stored fold saw are not exactly the history's first ones in case order: an
   * event arrived late (it sorts before the last one folded), or the history lost events.
   */
  | 'OUT_OF_ORDER'
  /** The caller asked for the whole history (a recompute). */
  | 'REQUESTED';

/** The fold of a case's history, and whether it went on from the stored one. */
export type HistoryFold = { fold: CaseFold; ordered: StoredCaseEvent[] } & ({ incremental: true } | { incremental: false; reason: FullFoldReason });

export function cursorOf(fold: CaseFold): FoldCursor {
  return { version: FOLD_VERSION, statusBeforeSuspension: fold.statusBeforeSuspension, last: fold.last };
}

/**
 * The fold of a case's whole stored history (each eventId once, as the event store keeps it, in any
 * order), going on from the stored fold when that is sound: the events it saw must be exactly the
 * first ones of the history in case order. That holds when the history's event at the stored count
 * is the stored last event — the keys are distinct (eventId breaks ties), so exactly `eventCount`
 * events sort at or before it, and the stored fold saw that many of them. Otherwise (a late event
 * sorting before the cursor, another fold version, nothing stored) the whole history is folded:
 * `foldCase` stays the oracle, and whenever this answers `incremental` its fold equals it.
 *
 * The ordered history comes back too: the clocks and the rules still read it whole (ADR 17).
 */
export function foldHistory(history: readonly StoredCaseEvent[], stored: StoredFold | undefined, rederive = false): HistoryFold {
  if (history.length === 0) throw new Error('foldHistory needs at least one event');
  const ordered = orderCaseEvents(history);
  const full = (reason: FullFoldReason): HistoryFold => ({ fold: foldCase(ordered), ordered, incremental: false, reason });
  if (rederive) return full('REQUESTED');
  if (!stored) return full('NOT_STORED');
  if (stored.cursor.version !== FOLD_VERSION) return full('VERSION_CHANGED');
  const seen = stored.snapshot.eventCount;
  if (seen < 1 || seen > ordered.length || compareCaseEventKeys(caseEventKey(ordered[seen - 1]), stored.cursor.last) !== 0) {
    return full('OUT_OF_ORDER');
  }
  const fold: CaseFold = { snapshot: stored.snapshot, statusBeforeSuspension: stored.cursor.statusBeforeSuspension, last: stored.cursor.last };
  return { fold: seen === ordered.length ? fold : foldFurther(fold, ordered.slice(seen)), ordered, incremental: true };
}
