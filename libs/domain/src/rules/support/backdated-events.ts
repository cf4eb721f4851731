import { HistoryEvent } from './case-history';

/**
 * Events that happened since the department was connected and reached the centre more than
 * `maxDelayMs` after they happened. History from before `monitoredSince` (the backlog a department
 * uploads when it is connected) is not judged.
 */
export function backdatedEvents(history: readonly HistoryEvent[], maxDelayMs: number, monitoredSince: string | null): HistoryEvent[] {
  const since = monitoredSince === null ? Number.NEGATIVE_INFINITY : Date.parse(monitoredSince);
  return history.filter((entry) => entry.at >= since && entry.receivedAt - entry.at > maxDelayMs);
}
