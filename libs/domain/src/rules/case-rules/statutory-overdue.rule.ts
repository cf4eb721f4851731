import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { clockBreachRule } from '../support/clock-breach-rule';
import { overdueSummary } from '../support/overdue-summary';

/**
 * 超法定时限 (RED): the statutory decision limit — the item's limit plus credited extensions, with
 * suspensions not counted — has passed without a decision, or the decision came after it.
 */
export const statutoryOverdueRule = clockBreachRule({
  code: 'STATUTORY_OVERDUE',
  clockKind: 'DECISION_STATUTORY',
  levels: ['RED'],
  defaults: DEFAULT_RULE_SETTINGS.STATUTORY_OVERDUE,
  summary: (clock, context) =>
    overdueSummary(context, clock, { zhLabel: '超法定时限', enLabel: 'Statutory limit exceeded', zhDone: '办结', enDone: 'decided', doneBy: ['DECIDED'] }),
});
