import { AlertLevel } from '@app/contracts';
import { localDayStartInstantMs } from '../../calendar/counting-policy';
import { CaseClock } from '../../clock/clock-types';
import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { RuleContext } from '../rule-types';
import { clockBreachRule } from '../support/clock-breach-rule';
import { policyOf } from '../support/clock-evidence';
import { overdueSummary } from '../support/overdue-summary';

const overdueDays = (clock: CaseClock): number => Math.max(0, clock.usedWorkingDays - clock.limitWorkingDays);

function stepName(context: RuleContext, code: string | undefined): string {
  return context.item?.steps.find((step) => step.code === code)?.name ?? code ?? '';
}

/**
 * 环节超时: a catalogued step ran past its own limit. A short overrun is a PROMPT to the officer;
 * from `yellowAfterOverdueWorkingDays` working days over it is a YELLOW card. Step clocks do not
 * pause, so the day the level rises is fixed once the step is overdue.
 */
export const stepOverdueRule = clockBreachRule({
  code: 'STEP_OVERDUE',
  clockKind: 'STEP',
  levels: ['PROMPT', 'YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.STEP_OVERDUE,
  levelOf: (clock, context): AlertLevel =>
    overdueDays(clock) >= context.settings.STEP_OVERDUE.yellowAfterOverdueWorkingDays ? 'YELLOW' : 'PROMPT',
  levelChangeInstants: (clock, context) => {
    const days = context.settings.STEP_OVERDUE.yellowAfterOverdueWorkingDays;
    if (days <= 0 || overdueDays(clock) >= days) return [];
    // The count passes the limit by `days` at the start of the days-th working day after the due day.
    return [localDayStartInstantMs(context.calendar.addWorkingDays(clock.dueOn, days), policyOf(context))];
  },
  summary: (clock, context) => {
    const name = stepName(context, clock.step);
    return overdueSummary(context, clock, {
      zhLabel: '环节超时',
      enLabel: 'Step overdue',
      zhDone: '完成',
      enDone: 'completed',
      doneBy: ['STEP_COMPLETED'],
      zhSubject: `${name}环节`,
      enSubject: `step ${clock.step ?? ''}`,
    });
  },
});
