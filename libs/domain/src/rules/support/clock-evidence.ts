import { EventType } from '@app/contracts';
import { IsoDate } from '../../calendar/calendar-date';
import { CountingPolicy, DEFAULT_COUNTING_POLICY, localDateOf } from '../../calendar/counting-policy';
import { CaseClock, ClockKind } from '../../clock/clock-types';
import { RuleContext } from '../rule-types';
import { HistoryEvent, caseHistory } from './case-history';

export const CLOCK_NAMES: Readonly<Record<ClockKind, { zh: string; en: string }>> = {
  ACCEPTANCE_NOTICE: { zh: '补正告知时限', en: 'acceptance notice limit' },
  LOWER_REVIEW: { zh: '上报审查时限', en: 'lower-level review limit' },
  DECISION_PROMISED: { zh: '承诺时限', en: 'promised limit' },
  DECISION_STATUTORY: { zh: '法定时限', en: 'statutory limit' },
  STEP: { zh: '环节时限', en: 'step limit' },
  ISSUANCE: { zh: '发证时限', en: 'issuance limit' },
};

export function policyOf(context: RuleContext): CountingPolicy {
  return context.policy ?? DEFAULT_COUNTING_POLICY;
}

/** The local (Asia/Shanghai by default) calendar day of an instant. */
export function localDay(context: RuleContext, instant: string | number): IsoDate {
  return localDateOf(instant, policyOf(context));
}

const RECEIPTS: readonly EventType[] = ['SUBMITTED', 'CORRECTION_SUBMITTED'];

/** Which events can start a clock of this kind (a deemed acceptance starts at the receipt). */
function startTypes(kind: ClockKind): readonly EventType[] {
  switch (kind) {
    case 'ACCEPTANCE_NOTICE':
      return RECEIPTS;
    case 'LOWER_REVIEW':
    case 'DECISION_PROMISED':
    case 'DECISION_STATUTORY':
      return ['ACCEPTED', ...RECEIPTS];
    case 'STEP':
      return ['STEP_STARTED'];
    case 'ISSUANCE':
      return ['DECIDED'];
  }
}

function startEvent(history: readonly HistoryEvent[], clock: CaseClock): HistoryEvent | undefined {
  const at = Date.parse(clock.startedAt);
  const types = startTypes(clock.kind);
  return history.find(
    ({ event, at: eventAt }) =>
      eventAt === at &&
      types.includes(event.type) &&
      (clock.step === undefined || (event.type === 'STEP_STARTED' && event.data.step === clock.step)),
  );
}

/**
 * The events a clock rests on: the one that started it, the one that stopped it, and the
 * suspensions and extensions it accounted for. Clocks carry instants, not ids, so they are matched
 * by type and instant.
 */
export function clockEventIds(context: RuleContext, clock: CaseClock): string[] {
  const history = caseHistory(context.events);
  const ids: string[] = [];
  const start = startEvent(history, clock);
  if (start) ids.push(start.event.eventId);
  ids.push(...clock.explanation.suspensions.map((suspension) => suspension.eventId));
  ids.push(...clock.explanation.extensions.map((extension) => extension.eventId));
  if (clock.stoppedAt !== undefined) {
    const stopAt = Date.parse(clock.stoppedAt);
    const stop = history.find(({ event, at }) => at === stopAt && event.type === clock.stoppedBy);
    if (stop) ids.push(stop.event.eventId);
  }
  return ids;
}

/** The plain facts of a clock that a card shows without opening the explanation. */
export function clockFacts(context: RuleContext, clock: CaseClock): Record<string, unknown> {
  return {
    clockKind: clock.kind,
    ...(clock.step === undefined ? {} : { step: clock.step }),
    startedOn: clock.startedOn,
    dueOn: clock.dueOn,
    dueAt: clock.dueAt,
    limitWorkingDays: clock.limitWorkingDays,
    usedWorkingDays: clock.usedWorkingDays,
    remainingWorkingDays: clock.remainingWorkingDays,
    overdueWorkingDays: Math.max(0, -clock.remainingWorkingDays),
    state: clock.state,
    ...(clock.stoppedAt === undefined ? {} : { stoppedOn: localDay(context, clock.stoppedAt), stoppedBy: clock.stoppedBy }),
    provisional: clock.provisional,
  };
}
