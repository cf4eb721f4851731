import { EventType, StoredCaseEvent } from '@app/contracts';
import { formatIsoDate, localDayNumberOf } from '../calendar/calendar-date';
import { CountingPolicy } from '../calendar/counting-policy';
import { WorkingCalendar } from '../calendar/working-calendar';
import { Moment, StopMoment, SuspensionInput } from './clock-spec';

/** An event with its instant and local date worked out once. */
export interface TimedEvent {
  event: StoredCaseEvent;
  at: number;
  on: string;
  /** Position in the caller's order; "after" always means a higher position. */
  position: number;
}

/**
 * Events in the caller's order, each once (the first delivery of an eventId wins), with instants
 * parsed. Events whose `occurredAt` does not parse, or falls outside the calendar's range, cannot be
 * counted and are left out rather than failing the whole case — the contract validator should have
 * rejected them, so this is only a guard.
 */
export function timeline(events: readonly StoredCaseEvent[], policy: CountingPolicy): TimedEvent[] {
  const seen = new Set<string>();
  const timed: TimedEvent[] = [];
  for (const event of events) {
    if (seen.has(event.eventId)) continue;
    seen.add(event.eventId);
    const at = Date.parse(event.occurredAt);
    if (Number.isNaN(at)) continue;
    const on = formatIsoDate(localDayNumberOf(at, policy.utcOffsetMinutes));
    if (on < WorkingCalendar.firstDate || on > WorkingCalendar.lastDate) continue;
    timed.push({ event, at, on, position: timed.length });
  }
  return timed;
}

export function momentOf(timed: TimedEvent): Moment {
  return { at: timed.at, on: timed.on, eventId: timed.event.eventId };
}

export function stopOf(timed: TimedEvent): StopMoment {
  return { ...momentOf(timed), by: timed.event.type };
}

/** Events after which the case is over: every clock still open stops there. */
export function closesCase(timed: TimedEvent): boolean {
  const { event } = timed;
  switch (event.type) {
    case 'WITHDRAWN':
    case 'RETURNED':
    case 'VOIDED':
    case 'NOT_ACCEPTED':
    case 'CERTIFICATE_ISSUED':
      return true;
    case 'DECIDED':
      return event.data.outcome === 'DENIED';
    default:
      return false;
  }
}

/** The first event after `position` that is one of `types` or closes the case. */
export function firstStopAfter(
  events: readonly TimedEvent[],
  position: number,
  types: readonly EventType[],
): TimedEvent | undefined {
  return events.find((timed) => timed.position > position && (types.includes(timed.event.type) || closesCase(timed)));
}

/**
 * SUSPENDED…RESUMED pairs in order. A SUSPENDED while already suspended and a RESUMED with nothing to
 * resume are ignored (the rules issue flags them); a suspension without RESUMED stays open.
 */
export function suspensionsOf(events: readonly TimedEvent[]): SuspensionInput[] {
  const suspensions: SuspensionInput[] = [];
  let open: SuspensionInput | undefined;
  for (const timed of events) {
    const { event } = timed;
    if (event.type === 'SUSPENDED' && !open) {
      open = { eventId: event.eventId, reason: event.data.reason, from: momentOf(timed) };
      suspensions.push(open);
    } else if (event.type === 'RESUMED' && open) {
      open.to = momentOf(timed);
      open = undefined;
    }
  }
  return suspensions;
}
