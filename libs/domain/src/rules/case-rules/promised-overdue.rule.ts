import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { clockBreachRule } from '../support/clock-breach-rule';
import { overdueSummary } from '../support/overdue-summary';

/**
 * 超承诺时限 (YELLOW): the department's public promise has passed with the case open, or the case
 * was decided after it. Only items in the catalogue have a promised clock.
 */
export const promisedOverdueRule = clockBreachRule({
  code: 'PROMISED_OVERDUE',
  clockKind: 'DECISION_PROMISED',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.PROMISED_OVERDUE,
  summary: (clock, context) =>
    overdueSummary(context, clock, { zhLabel: '超承诺时限', enLabel: 'Promised limit exceeded', zhDone: '办结', enDone: 'decided', doneBy: ['DECIDED'] }),
});
