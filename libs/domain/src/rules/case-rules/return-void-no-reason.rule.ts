import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { caseHistory, isBlank } from '../support/case-history';
import { localDay } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';

/**
 * 退回/作废异常 (PROMPT): a case returned to the applicant or voided without a reason. Both end a
 * case without a decision, so they are a way to hide one that is running late.
 */
export const returnVoidNoReasonRule: CaseRule<'RETURN_VOID_NO_REASON'> = {
  code: 'RETURN_VOID_NO_REASON',
  levels: ['PROMPT'],
  defaults: DEFAULT_RULE_SETTINGS.RETURN_VOID_NO_REASON,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const offending = caseHistory(context.events).filter(
      ({ event }) => (event.type === 'RETURNED' || event.type === 'VOIDED') && isBlank(event.data.reason),
    );
    const first = offending[0];
    if (!first) return [];
    const on = localDay(context, first.at);
    const returned = first.event.type === 'RETURNED';
    return [
      makeFinding('RETURN_VOID_NO_REASON', {
        level: 'PROMPT',
        breachedAtMs: first.at,
        timeDriven: false,
        responsibleOfficerId: officerAt(context, first.at, { eventOfficer: first.event.officerId }),
        eventIds: offending.map(({ event }) => event.eventId),
        facts: { type: first.event.type, on },
        summary: {
          zh: `${returned ? '退回' : '作废'}未说明理由（${on}）`,
          en: `${returned ? 'Returned' : 'Voided'} on ${on} without a reason`,
        },
      }),
    ];
  },
};
