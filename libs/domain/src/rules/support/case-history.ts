import { EventType, StoredCaseEvent } from '@app/contracts';

/** A stored event of one type. */
export type StoredEventOf<T extends EventType> = Extract<StoredCaseEvent, { type: T }>;

/** An event with its instants parsed once and its place in the case order. */
export interface HistoryEvent<E extends StoredCaseEvent = StoredCaseEvent> {
  event: E;
  /** Epoch ms of `occurredAt`. */
  at: number;
  /** Epoch ms of `receivedAt` (NaN when absent or unreadable). */
  receivedAt: number;
  /** Index in the deduplicated case order; "before" always means a lower position. */
  position: number;
}

// Rules of one evaluation share the same events array: parse it once. The length guards against an
// array that was appended to between two evaluations.
const cache = new WeakMap<readonly StoredCaseEvent[], { length: number; history: HistoryEvent[] }>();

/**
 * The case history as rules read it: the caller's order (`orderCaseEvents`), each eventId once (the
 * first delivery wins, as in the clocks), events whose `occurredAt` cannot be read left out.
 */
export function caseHistory(events: readonly StoredCaseEvent[]): HistoryEvent[] {
  const cached = cache.get(events);
  if (cached && cached.length === events.length) return cached.history;
  const seen = new Set<string>();
  const history: HistoryEvent[] = [];
  for (const event of events) {
    if (seen.has(event.eventId)) continue;
    seen.add(event.eventId);
    const at = Date.parse(event.occurredAt);
    if (Number.isNaN(at)) continue;
    history.push({ event, at, receivedAt: Date.parse(event.receivedAt), position: history.length });
  }
  cache.set(events, { length: events.length, history });
  return history;
}

export function eventsOfType<T extends EventType>(history: readonly HistoryEvent[], type: T): HistoryEvent<StoredEventOf<T>>[] {
  return history.filter((entry): entry is HistoryEvent<StoredEventOf<T>> => entry.event.type === type);
}

/** Free text that says nothing: absent, empty or only spaces. */
export function isBlank(text: string | undefined | null): boolean {
  return text === undefined || text === null || text.trim() === '';
}
