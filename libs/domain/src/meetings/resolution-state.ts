import { IsoDate } from '../calendar/calendar-date';

/**
 * A joint meeting's resolution (决议): OPEN until its owner body carries it out (DONE), or until
 * its deadline passes (OVERDUE — flagged once, and a card is raised, like a supervision order).
 * An OVERDUE resolution can still be DONE; it then stays marked as done late.
 */
export const RESOLUTION_STATES = ['OPEN', 'DONE', 'OVERDUE'] as const;
export type ResolutionState = (typeof RESOLUTION_STATES)[number];

export interface ResolutionFacts {
  state: ResolutionState;
  /** The last local day to carry it out. */
  dueOn: IsoDate;
  /** The local day it was recorded as done, if it was. */
  doneOn: IsoDate | null;
}

/** The state a resolution should be in on `today`: OPEN past its due day becomes OVERDUE. */
export function resolutionStateOn(facts: ResolutionFacts, today: IsoDate): ResolutionState {
  if (facts.state === 'DONE') return 'DONE';
  return today > facts.dueOn ? 'OVERDUE' : facts.state;
}

/** Whether a resolution is (or was) overdue: not done by its due day. */
export function resolutionIsLate(facts: ResolutionFacts, today: IsoDate): boolean {
  if (facts.doneOn !== null) return facts.doneOn > facts.dueOn;
  return today > facts.dueOn;
}

/** Moves allowed: OPEN → DONE | OVERDUE, OVERDUE → DONE. DONE is final. */
export function canMoveResolution(from: ResolutionState, to: ResolutionState): boolean {
  if (from === 'OPEN') return to === 'DONE' || to === 'OVERDUE';
  if (from === 'OVERDUE') return to === 'DONE';
  return false;
}

/** A count compared with the previous quarter's: UP, DOWN, SAME, or null when there is nothing to compare with. */
export function quarterTrend(current: number, previous: number | null): 'UP' | 'DOWN' | 'SAME' | null {
  if (previous === null) return null;
  return current > previous ? 'UP' : current < previous ? 'DOWN' : 'SAME';
}
