import { AlertLevel, CaseRuleCode, alertLevelRank } from '@app/contracts';
import { CaseClock, ClockKind } from '../../clock/clock-types';
import { RuleSettingsByCode } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from './attribution';
import { clockEventIds, clockFacts } from './clock-evidence';
import { makeFinding } from './make-finding';

export interface ClockBreachRuleSpec<C extends CaseRuleCode> {
  code: C;
  clockKind: ClockKind;
  levels: readonly AlertLevel[];
  defaults: RuleSettingsByCode[C];
  /** The level of one breached clock; by default the rule's only level. */
  levelOf?(clock: CaseClock, context: RuleContext): AlertLevel;
  summary(clock: CaseClock, context: RuleContext): { zh: string; en: string };
  /** Further instants at which an open breached clock changes level. */
  levelChangeInstants?(clock: CaseClock, context: RuleContext): number[];
}

/** Most severe first, then the earliest due: the clock a card is about. */
function byConcern(level: (clock: CaseClock) => AlertLevel) {
  return (a: CaseClock, b: CaseClock): number =>
    alertLevelRank(level(b)) - alertLevelRank(level(a)) || a.dueAt.localeCompare(b.dueAt) || a.startedAt.localeCompare(b.startedAt);
}

/**
 * The shape shared by the overdue rules: a clock of one kind is breached — past its due instant
 * while open, or stopped after it. A clock stopped late stays a finding (the breach happened); the
 * finding is time-driven only while the clock is still open, because only then does it rest on an
 * event that has not (yet) arrived.
 */
export function clockBreachRule<C extends CaseRuleCode>(spec: ClockBreachRuleSpec<C>): CaseRule<C> {
  const clocksOf = (context: RuleContext) => context.clocks.clocks.filter((clock) => clock.kind === spec.clockKind);
  return {
    code: spec.code,
    levels: spec.levels,
    defaults: spec.defaults,
    timeDriven: true,
    evaluate(context: RuleContext): CaseFinding[] {
      const level = (clock: CaseClock): AlertLevel => spec.levelOf?.(clock, context) ?? spec.levels[0];
      const breached = clocksOf(context).filter((clock) => clock.state === 'breached').sort(byConcern(level));
      const clock = breached[0];
      if (!clock) return [];
      const dueAtMs = Date.parse(clock.dueAt);
      return [
        makeFinding(spec.code, {
          level: level(clock),
          breachedAtMs: dueAtMs,
          timeDriven: clock.stoppedAt === undefined,
          responsibleOfficerId: officerAt(context, dueAtMs, clock.step === undefined ? {} : { step: clock.step }),
          eventIds: breached.flatMap((each) => clockEventIds(context, each)),
          clock,
          facts: {
            ...clockFacts(context, clock),
            ...(breached.length > 1
              ? { breachedClocks: breached.map((each) => ({ ...(each.step ? { step: each.step } : {}), startedOn: each.startedOn, dueOn: each.dueOn, usedWorkingDays: each.usedWorkingDays, level: level(each) })) }
              : {}),
          },
          summary: spec.summary(clock, context),
        }),
      ];
    },
    thresholdInstants(context: RuleContext): number[] {
      const instants: number[] = [];
      for (const clock of clocksOf(context)) {
        if (clock.state === 'running') instants.push(Date.parse(clock.dueAt));
        if (clock.state === 'breached' && clock.stoppedAt === undefined && spec.levelChangeInstants) {
          instants.push(...spec.levelChangeInstants(clock, context));
        }
      }
      return instants;
    },
  };
}
