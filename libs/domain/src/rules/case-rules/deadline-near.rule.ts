import { addCalendarDays } from '../../calendar/calendar-date';
import { localDayStartInstantMs } from '../../calendar/counting-policy';
import { CaseClock } from '../../clock/clock-types';
import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { CLOCK_NAMES, clockEventIds, clockFacts, policyOf } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';

type NearSettings = RuleContext['settings']['DEADLINE_NEAR'];

/** The count at which the warning starts: the earlier of "≤ r remaining" and "≥ f of the limit used". */
function warningCount(limit: number, settings: NearSettings): number {
  // The epsilon keeps 0.9 × 20 = 18 from becoming 18.000000000000004 and rounding up to 19.
  return Math.min(limit - settings.warnAtRemainingWorkingDays, Math.ceil(limit * settings.warnAtUsedFraction - 1e-9));
}

/**
 * The instant the count reaches `count`: the start of that working day. Read from the clock's
 * counted ranges, which already leave out weekends, holidays and suspensions; when the explanation
 * was cut short, count back from the due day (exact whenever the instant is still ahead).
 */
function instantReaching(context: RuleContext, clock: CaseClock, count: number): number {
  if (count <= 0) return Date.parse(clock.startedAt);
  let before = 0;
  for (const range of clock.explanation.countedRanges) {
    if (before + range.workingDays >= count) {
      return localDayStartInstantMs(addCalendarDays(range.from, count - before - 1), policyOf(context));
    }
    before += range.workingDays;
  }
  const day = context.calendar.addWorkingDays(clock.dueOn, count - clock.limitWorkingDays);
  return localDayStartInstantMs(day, policyOf(context));
}

interface NearClock {
  clock: CaseClock;
  warnedAt: number;
}

function watchedClocks(context: RuleContext): CaseClock[] {
  const settings = context.settings.DEADLINE_NEAR;
  return context.clocks.clocks.filter(
    (clock) =>
      settings.clockKinds.includes(clock.kind) &&
      clock.stoppedAt === undefined &&
      clock.limitWorkingDays >= settings.minLimitWorkingDays,
  );
}

/**
 * 临近时限 (PROMPT): an open clock the centre watches (by default the promised and statutory
 * decision limits) has at most 1 working day left, or has used at least 90 % of its limit. It
 * clears by itself once the case is decided or the limit has passed (the overdue rules take over).
 * A paused clock keeps its warning: the suspension does not give back the days already used.
 */
export const deadlineNearRule: CaseRule<'DEADLINE_NEAR'> = {
  code: 'DEADLINE_NEAR',
  levels: ['PROMPT'],
  defaults: DEFAULT_RULE_SETTINGS.DEADLINE_NEAR,
  timeDriven: true,
  evaluate(context: RuleContext): CaseFinding[] {
    const settings = context.settings.DEADLINE_NEAR;
    const now = context.now.getTime();
    const near: NearClock[] = [];
    for (const clock of watchedClocks(context)) {
      if (clock.state === 'breached' || now >= Date.parse(clock.dueAt)) continue;
      const count = warningCount(clock.limitWorkingDays, settings);
      if (clock.usedWorkingDays >= count) near.push({ clock, warnedAt: instantReaching(context, clock, count) });
    }
    near.sort((a, b) => a.clock.dueAt.localeCompare(b.clock.dueAt) || a.clock.kind.localeCompare(b.clock.kind));
    const first = near[0];
    if (!first) return [];
    const { clock, warnedAt } = first;
    const name = CLOCK_NAMES[clock.kind];
    const remaining = clock.remainingWorkingDays;
    return [
      makeFinding('DEADLINE_NEAR', {
        level: 'PROMPT',
        breachedAtMs: warnedAt,
        timeDriven: true,
        responsibleOfficerId: officerAt(context, warnedAt),
        eventIds: near.flatMap((entry) => clockEventIds(context, entry.clock)),
        clock,
        facts: {
          ...clockFacts(context, clock),
          warnAtRemainingWorkingDays: settings.warnAtRemainingWorkingDays,
          warnAtUsedFraction: settings.warnAtUsedFraction,
          nearClocks: near.map((entry) => entry.clock.kind),
        },
        summary: {
          zh: `临近${name.zh}：应于${clock.dueOn}办结，剩余${remaining}个工作日（已用${clock.usedWorkingDays}/${clock.limitWorkingDays}）`,
          en: `Near the ${name.en}: due ${clock.dueOn}, ${remaining} working days left (${clock.usedWorkingDays} of ${clock.limitWorkingDays} used)`,
        },
      }),
    ];
  },
  thresholdInstants(context: RuleContext): number[] {
    const settings = context.settings.DEADLINE_NEAR;
    const instants: number[] = [];
    for (const clock of watchedClocks(context)) {
      if (clock.state !== 'running') continue;
      instants.push(instantReaching(context, clock, warningCount(clock.limitWorkingDays, settings)), Date.parse(clock.dueAt));
    }
    return instants;
  },
};
