import { DepartmentContact, ItemInput, StoredCaseEvent } from '@app/contracts';
import { CountingPolicy } from '../calendar/counting-policy';
import { WorkingCalendar } from '../calendar/working-calendar';
import { CaseEventKey, caseEventKey, compareCaseEventKeys, orderCaseEvents } from '../case/case-event-order';
import { CaseFold, foldCase, foldFurther } from '../case/case-projection';
import { computeCaseClocks } from '../clock/compute-case-clocks';
import { CaseClocks, ClockSettings } from '../clock/clock-types';
import { ExtensionApprovers } from '../clock/extension-approvers';
import { CaseContributions, caseContributions, ContributionPolicy, DEFAULT_CONTRIBUTION_POLICY } from '../reports/case-contributions';
import { CaseEvaluation, evaluateCase } from '../rules/evaluate-case';
import { clockApproversFor, clockSettingsFor } from '../rules/resolve-rule-settings';
import { RuleSettings } from '../rules/rule-settings';
import { sameDelivery } from './same-delivery';

/** Everything besides the events that a case's projection depends on. */
export interface DerivationContext {
  item: ItemInput | undefined;
  calendar: WorkingCalendar;
  now: Date;
  /** Resolved rule settings (centre and item); the clocks' warning and extension settings follow them. */
  settings: RuleSettings;
  /** Other clock settings (explanation length…), as the caller stores clocks. */
  clockSettings?: Partial<ClockSettings>;
  /** The heads whose approval extends a clock (art. 42) for the case's department. */
  extensionApprovers?: ExtensionApprovers;
  departmentContact?: DepartmentContact;
  policy?: CountingPolicy;
  contributionPolicy?: ContributionPolicy;
  /**
   * Versions of what the derivation was made with beyond the events — the fold's code, the
   * ruleset, the calendar, the catalogue item — as opaque strings. A stored derivation made with
   * other versions is not folded on: the whole history is derived again.
   */
  versions: Readonly<Record<string, string>>;
}

/** A case's projection: its state, clocks, rule findings and report contributions. */
export interface DerivedCase {
  fold: CaseFold;
  versions: Readonly<Record<string, string>>;
  /**
   * The history as the event store keeps it — each eventId once, first delivery kept — in case
   * order. The rules and the clocks still read it whole (see ADR 17).
   */
  events: readonly StoredCaseEvent[];
  clocks: CaseClocks;
  evaluation: CaseEvaluation;
  contributions: CaseContributions;
}

export type NotApplicable =
  /** A version in the context differs from the one the stored derivation was made with. */
  | 'VERSIONS_CHANGED'
  /** A new event comes before the last one folded, or two new events share a place in the order. */
  | 'OUT_OF_ORDER'
  /** A new event reuses a stored (or another new) eventId with other content. */
  | 'CHANGED_DUPLICATE'
  /** A new event's instant does not parse: the order cannot be judged. */
  | 'UNPARSEABLE';

export type Applied = { applicable: true; derived: DerivedCase } | { applicable: false; reason: NotApplicable };

/** The oracle: a case's projection from its whole history, in any delivery order. */
export function deriveCase(allEvents: readonly StoredCaseEvent[], context: DerivationContext): DerivedCase {
  if (allEvents.length === 0) throw new Error('deriveCase needs at least one event');
  const kept = new Map<string, StoredCaseEvent>();
  for (const event of allEvents) if (!kept.has(event.eventId)) kept.set(event.eventId, event);
  const events = orderCaseEvents([...kept.values()]);
  return measure(foldCase(events), events, context);
}

/**
 * Applies newly arrived events to a stored projection when they follow it: every new event comes
 * after the last one folded (and after each other) in case order, and the context's versions are
 * the stored ones. Exact duplicates of stored events are dropped, as the event store drops them.
 * Whenever it answers `applicable`, the result equals `deriveCase` of the stored events followed by
 * the new ones; otherwise the caller derives the whole history again.
 */
export function applyEvents(stored: DerivedCase, newEvents: readonly StoredCaseEvent[], context: DerivationContext): Applied {
  if (!sameVersions(stored.versions, context.versions)) return { applicable: false, reason: 'VERSIONS_CHANGED' };
  const known = new Map<string, StoredCaseEvent>();
  for (const event of stored.events) known.set(event.eventId, event);
  const fresh: StoredCaseEvent[] = [];
  for (const event of newEvents) {
    const earlier = known.get(event.eventId);
    if (earlier) {
      if (!sameDelivery(earlier, event)) return { applicable: false, reason: 'CHANGED_DUPLICATE' };
      continue;
    }
    known.set(event.eventId, event);
    fresh.push(event);
  }
  const ordered = orderCaseEvents(fresh);
  let previous: CaseEventKey = stored.fold.last;
  for (const event of ordered) {
    const key = caseEventKey(event);
    if (Number.isNaN(key.at)) return { applicable: false, reason: 'UNPARSEABLE' };
    if (compareCaseEventKeys(previous, key) >= 0) return { applicable: false, reason: 'OUT_OF_ORDER' };
    previous = key;
  }
  const events = ordered.length === 0 ? stored.events : [...stored.events, ...ordered];
  const fold = ordered.length === 0 ? stored.fold : foldFurther(stored.fold, ordered);
  return { applicable: true, derived: measure(fold, events, context) };
}

/** The parts that depend on `now` and the context: clocks, findings, report contributions. */
function measure(fold: CaseFold, events: readonly StoredCaseEvent[], context: DerivationContext): DerivedCase {
  const { item, calendar, now, settings } = context;
  const clocks = computeCaseClocks({
    events,
    item,
    calendar,
    now,
    ...(context.policy ? { policy: context.policy } : {}),
    settings: { ...context.clockSettings, ...clockSettingsFor(settings) },
    ...(context.extensionApprovers ? { approvers: clockApproversFor(settings, context.extensionApprovers) } : {}),
  });
  const evaluation = evaluateCase({
    snapshot: fold.snapshot,
    events,
    item,
    clocks,
    settings,
    departmentContact: context.departmentContact,
    calendar,
    ...(context.extensionApprovers ? { extensionApprovers: context.extensionApprovers } : {}),
    ...(context.policy ? { policy: context.policy } : {}),
    now,
  });
  const contributions = caseContributions(
    { clocks: clocks.clocks, itemKind: item?.kind ?? null, events },
    context.contributionPolicy ?? DEFAULT_CONTRIBUTION_POLICY,
  );
  return { fold, versions: context.versions, events, clocks, evaluation, contributions };
}

function sameVersions(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
