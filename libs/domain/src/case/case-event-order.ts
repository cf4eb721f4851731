import { StoredCaseEvent } from '@app/contracts';

/**
 * The one order in which a case's history is read, whatever order it arrived in:
 * by `seq` (events without one after those with one), then `occurredAt` (as an instant), then
 * `eventId`, which makes the order total, so shuffled and duplicated deliveries project the same.
 */
export function compareCaseEvents(a: StoredCaseEvent, b: StoredCaseEvent): number {
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
