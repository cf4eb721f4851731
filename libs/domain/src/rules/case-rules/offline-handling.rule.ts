import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { backdatedEvents } from '../support/backdated-events';
import { HistoryEvent, caseHistory } from '../support/case-history';
import { localDay } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

interface Suspicion {
  kind: 'DECIDED_WITHOUT_STEPS' | 'BACKDATED_BURST';
  at: number;
  events: HistoryEvent[];
  officer: string | null;
}

/**
 * A decision with no step reported between acceptance and the decision, for an item whose
 * catalogue lists steps that belong there: the work, if any, was done outside the system.
 */
function decidedWithoutSteps(context: RuleContext, history: readonly HistoryEvent[]): Suspicion | undefined {
  const outside = context.settings.OFFLINE_HANDLING.stepsOutsideHandling;
  if (!context.item?.steps.some((step) => !outside.includes(step.code))) return undefined;
  const decision = history.find(({ event }) => event.type === 'DECIDED');
  if (!decision) return undefined;
  const acceptedAt = history.find(({ event }) => event.type === 'ACCEPTED')?.position ?? -1;
  const stepInBetween = history.some(
    ({ event, position }) =>
      position > acceptedAt &&
      position < decision.position &&
      (event.type === 'STEP_STARTED' || event.type === 'STEP_COMPLETED') &&
      !outside.includes(event.data.step),
  );
  if (stepInBetween) return undefined;
  return { kind: 'DECIDED_WITHOUT_STEPS', at: decision.at, events: [decision], officer: officerAt(context, decision.at, { eventOfficer: decision.event.officerId }) };
}

/**
 * At least `burstMinEvents` back-dated events of the case received within `burstWindowMinutes`:
 * a history typed in after the fact. The first such window counts.
 */
function backdatedBurst(context: RuleContext, history: readonly HistoryEvent[]): Suspicion | undefined {
  const settings = context.settings.OFFLINE_HANDLING;
  const backdated = backdatedEvents(history, settings.burstMinBackdatingHours * HOUR_MS, settings.monitoredSince).sort(
    (a, b) => a.receivedAt - b.receivedAt || a.position - b.position,
  );
  const windowMs = settings.burstWindowMinutes * MINUTE_MS;
  const size = Math.max(1, settings.burstMinEvents);
  for (let first = 0; first + size <= backdated.length; first++) {
    if (backdated[first + size - 1].receivedAt - backdated[first].receivedAt > windowMs) continue;
    let last = first + size - 1;
    while (last + 1 < backdated.length && backdated[last + 1].receivedAt - backdated[first].receivedAt <= windowMs) last++;
    const events = backdated.slice(first, last + 1).sort((a, b) => a.position - b.position);
    const enteredAt = backdated[first].receivedAt;
    return { kind: 'BACKDATED_BURST', at: enteredAt, events, officer: officerAt(context, enteredAt) };
  }
  return undefined;
}

/**
 * 体外循环 (YELLOW): an implausible history — a decision with no intermediate steps, or a burst of
 * back-dated events (the case was handled on paper and entered afterwards).
 */
export const offlineHandlingRule: CaseRule<'OFFLINE_HANDLING'> = {
  code: 'OFFLINE_HANDLING',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.OFFLINE_HANDLING,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const settings = context.settings.OFFLINE_HANDLING;
    const history = caseHistory(context.events);
    const suspicions = [decidedWithoutSteps(context, history), backdatedBurst(context, history)]
      .filter((suspicion) => suspicion !== undefined)
      .sort((a, b) => a.at - b.at);
    const first = suspicions[0];
    if (!first) return [];
    const zh = suspicions.map((s) =>
      s.kind === 'DECIDED_WITHOUT_STEPS'
        ? `${localDay(context, s.at)}作出决定前无任何办理环节记录`
        : `${localDay(context, s.at)}集中补录${s.events.length}条事件`,
    );
    const en = suspicions.map((s) =>
      s.kind === 'DECIDED_WITHOUT_STEPS'
        ? `decided on ${localDay(context, s.at)} with no step recorded`
        : `${s.events.length} back-dated events entered at once on ${localDay(context, s.at)}`,
    );
    return [
      makeFinding('OFFLINE_HANDLING', {
        level: 'YELLOW',
        breachedAtMs: first.at,
        timeDriven: false,
        responsibleOfficerId: first.officer,
        eventIds: suspicions.flatMap((s) => s.events.map((entry) => entry.event.eventId)),
        facts: {
          patterns: suspicions.map((s) => ({ kind: s.kind, on: localDay(context, s.at), eventCount: s.events.length })),
          burstMinEvents: settings.burstMinEvents,
          burstWindowMinutes: settings.burstWindowMinutes,
          burstMinBackdatingHours: settings.burstMinBackdatingHours,
        },
        summary: { zh: `体外循环：${zh.join('；')}`, en: `Handled outside the system: ${en.join('; ')}` },
      }),
    ];
  },
};
