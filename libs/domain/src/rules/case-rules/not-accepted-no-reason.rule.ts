import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { caseHistory, eventsOfType } from '../support/case-history';
import { localDay } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';
import { missingExplanations, missingText } from '../support/missing-explanations';

/**
 * 不予受理未说明理由 (YELLOW, art. 32): a refusal to accept must be written, with its reason and
 * legal basis, so that the applicant can contest it.
 */
export const notAcceptedNoReasonRule: CaseRule<'NOT_ACCEPTED_NO_REASON'> = {
  code: 'NOT_ACCEPTED_NO_REASON',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.NOT_ACCEPTED_NO_REASON,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const { requireLegalBasis } = context.settings.NOT_ACCEPTED_NO_REASON;
    const offending = eventsOfType(caseHistory(context.events), 'NOT_ACCEPTED')
      .map((entry) => ({ entry, missing: missingExplanations(entry.event.data, requireLegalBasis) }))
      .filter(({ missing }) => missing.length > 0);
    const first = offending[0];
    if (!first) return [];
    const text = missingText(first.missing);
    const on = localDay(context, first.entry.at);
    return [
      makeFinding('NOT_ACCEPTED_NO_REASON', {
        level: 'YELLOW',
        breachedAtMs: first.entry.at,
        timeDriven: false,
        responsibleOfficerId: officerAt(context, first.entry.at, { eventOfficer: first.entry.event.officerId }),
        eventIds: offending.map(({ entry }) => entry.event.eventId),
        facts: { missing: first.missing, requireLegalBasis, decidedOn: on },
        summary: { zh: `不予受理未说明${text.zh}（${on}）`, en: `Not accepted on ${on} without ${text.en}` },
      }),
    ];
  },
};
