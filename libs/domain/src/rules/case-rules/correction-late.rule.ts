import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { clockBreachRule } from '../support/clock-breach-rule';
import { overdueSummary } from '../support/overdue-summary';

/**
 * 补正告知超时 (YELLOW, art. 32(4)): materials were received and neither a correction notice nor an
 * acceptance or refusal came within 5 working days. The clocks then count the case as accepted on
 * the day of receipt, which the finding's clock explanation says.
 */
export const correctionLateRule = clockBreachRule({
  code: 'CORRECTION_LATE',
  clockKind: 'ACCEPTANCE_NOTICE',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.CORRECTION_LATE,
  summary: (clock, context) =>
    overdueSummary(context, clock, {
      zhLabel: '补正告知超时',
      enLabel: 'Correction notice late',
      zhDone: '一次性告知补正或受理',
      enDone: 'answered',
      doneBy: ['CORRECTION_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED'],
    }),
});
