import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { clockBreachRule } from '../support/clock-breach-rule';
import { overdueSummary } from '../support/overdue-summary';

/** 发证超时 (YELLOW, art. 44): the licence was issued more than 10 working days after approval. */
export const certificateLateRule = clockBreachRule({
  code: 'CERTIFICATE_LATE',
  clockKind: 'ISSUANCE',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.CERTIFICATE_LATE,
  summary: (clock, context) =>
    overdueSummary(context, clock, { zhLabel: '发证超时', enLabel: 'Certificate late', zhDone: '发证送达', enDone: 'issued', doneBy: ['CERTIFICATE_ISSUED'] }),
});
