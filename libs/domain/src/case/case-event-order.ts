import { StoredCaseEvent } from '@app/contracts';

/**
 * Where an event stands in its case's order: `seq` (null: after every event with one), the
 * instant of `occurredAt`, then `eventId`. Kept on its own so a stored projection can remember the
 * last event it folded and tell whether a newly arrived one comes after it.
 */
export interface CaseEventKey {
  seq: number | null;
  /** Epoch ms of `occurredAt`. */
  at: number;
  eventId: string;
}

export function caseEventKey(event: StoredCaseEvent): CaseEventKey {
  return { seq: event.seq ?? null, at: Date.parse(event.occurredAt), eventId: event.eventId };
}

export function compareCaseEventKeys(a: CaseEventKey, b: CaseEventKey): number {
  const seqA = a.seq ?? Number.POSITIVE_INFINITY;
  const seqB = b.seq ?? Number.POSITIVE_INFINITY;
  if (seqA !== seqB) return seqA < seqB ? -1 : 1;
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/**
 * The one order in which a case's history is read, whatever order it arrived in:
 * by `seq` (events without one after those with one), then `occurredAt` (as an instant), then
 * `eventId`, which makes the order total, so shuffled and duplicated deliveries project the same.
 */
export function compareCaseEvents(a: StoredCaseEvent, b: StoredCaseEvent): number {
  // Inline rather than through caseEventKey: this runs inside every sort of every history.
  const seqA = a.seq ?? Number.POSITIVE_INFINITY;
  const seqB = b.seq ?? Number.POSITIVE_INFINITY;
  if (seqA !== seqB) return seqA < seqB ? -1 : 1;
  const timeA = Date.parse(a.occurredAt);
  const timeB = Date.parse(b.occurredAt);
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

export function orderCaseEvents<T extends StoredCaseEvent>(events: readonly T[]): T[] {
  return [...events].sort(compareCaseEvents);
}
