import { ClockSpec, Moment } from './clock-spec';
import { CaseClock, ClockSettings } from './clock-types';
import { TimedEvent, firstStopAfter, momentOf, stopOf } from './case-timeline';

export interface NoticeClockSpec {
  spec: ClockSpec;
  /** Position of the SUBMITTED / CORRECTION_SUBMITTED event that started it. */
  startPosition: number;
}

/**
 * Art. 32(4): after materials are received (SUBMITTED, or CORRECTION_SUBMITTED after a correction
 * notice) the department has 5 working days to ask for everything missing, accept or refuse.
 * One clock per receipt; a receipt while one is still unanswered does not restart it.
 */
export function acceptanceNoticeSpecs(events: readonly TimedEvent[], settings: ClockSettings): NoticeClockSpec[] {
  const specs: NoticeClockSpec[] = [];
  let answeredUpTo = -1;
  for (const timed of events) {
    const { type } = timed.event;
    if ((type !== 'SUBMITTED' && type !== 'CORRECTION_SUBMITTED') || timed.position <= answeredUpTo) continue;
    const stop = firstStopAfter(events, timed.position, ['CORRECTION_REQUESTED', 'ACCEPTED']);
    answeredUpTo = stop?.position ?? Number.POSITIVE_INFINITY;
    specs.push({
      startPosition: timed.position,
      spec: {
        kind: 'ACCEPTANCE_NOTICE',
        start: momentOf(timed),
        baseLimitWorkingDays: settings.acceptanceNoticeDays,
        ...(stop ? { stop: stopOf(stop) } : {}),
        notes: [type === 'CORRECTION_SUBMITTED' ? 'Started by corrected materials.' : 'Started by the application.'],
      },
    });
  }
  return specs;
}

export interface AcceptanceStart {
  start: Moment;
  /** Position from which the decision clocks look for their stop. */
  position: number;
  deemed: boolean;
}

/**
 * Where the decision clocks start. If a receipt went unanswered past its notice limit (no correction
 * notice, acceptance or refusal in time) before any ACCEPTED, the application counts as accepted on the
 * day those materials were received (art. 32(4)); a later ACCEPTED does not move that. Otherwise the
 * first ACCEPTED starts them. A breached notice is settled once its due instant passes, so the
 * deemed date never changes as more events arrive.
 */
export function acceptanceStart(
  events: readonly TimedEvent[],
  notices: readonly { clock: CaseClock; startPosition: number; spec: ClockSpec }[],
): AcceptanceStart | undefined {
  const accepted = events.find((timed) => timed.event.type === 'ACCEPTED');
  const acceptedPosition = accepted?.position ?? Number.POSITIVE_INFINITY;
  const unanswered = notices.find((notice) => notice.clock.state === 'breached' && notice.startPosition < acceptedPosition);
  if (unanswered) return { start: unanswered.spec.start, position: unanswered.startPosition, deemed: true };
  if (accepted) return { start: momentOf(accepted), position: accepted.position, deemed: false };
  return undefined;
}
