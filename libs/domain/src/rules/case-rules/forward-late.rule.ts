import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { clockBreachRule } from '../support/clock-breach-rule';
import { overdueSummary } from '../support/overdue-summary';

/** 上报超时 (YELLOW, art. 43): the lower authority's review took more than 20 working days. */
export const forwardLateRule = clockBreachRule({
  code: 'FORWARD_LATE',
  clockKind: 'LOWER_REVIEW',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.FORWARD_LATE,
  summary: (clock, context) =>
    overdueSummary(context, clock, { zhLabel: '上报超时', enLabel: 'Forwarding late', zhDone: '报送上级机关', enDone: 'forwarded', doneBy: ['FORWARDED', 'DECIDED'] }),
});
