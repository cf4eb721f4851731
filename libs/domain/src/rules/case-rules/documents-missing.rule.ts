import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { caseHistory } from '../support/case-history';
import { localDay } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';

/**
 * 要件不全受理 (PROMPT): the case was accepted although some of the item's required documents were
 * not among those received by then (application, corrections, and any listed on acceptance).
 */
export const documentsMissingRule: CaseRule<'DOCUMENTS_MISSING'> = {
  code: 'DOCUMENTS_MISSING',
  levels: ['PROMPT'],
  defaults: DEFAULT_RULE_SETTINGS.DOCUMENTS_MISSING,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const required = context.item?.requiredDocuments ?? [];
    const history = caseHistory(context.events);
    const accepted = history.find(({ event }) => event.type === 'ACCEPTED');
    if (!accepted || required.length === 0) return [];
    const received = new Set<string>();
    const sources: string[] = [];
    for (const { event, position } of history) {
      if (position > accepted.position) break;
      const documents =
        event.type === 'SUBMITTED' || event.type === 'CORRECTION_SUBMITTED' || event.type === 'ACCEPTED'
          ? (event.data.documents ?? [])
          : [];
      if (documents.length > 0) sources.push(event.eventId);
      for (const document of documents) received.add(document.trim());
    }
    const missing = required.filter((document) => !received.has(document.trim()));
    if (missing.length === 0) return [];
    const on = localDay(context, accepted.at);
    return [
      makeFinding('DOCUMENTS_MISSING', {
        level: 'PROMPT',
        breachedAtMs: accepted.at,
        timeDriven: false,
        responsibleOfficerId: officerAt(context, accepted.at, { eventOfficer: accepted.event.officerId }),
        eventIds: [...sources, accepted.event.eventId],
        facts: { missing, required, acceptedOn: on },
        summary: {
          zh: `要件不全受理：${on}受理时缺${missing.length}项材料（${missing.join('、')}）`,
          en: `Accepted on ${on} with ${missing.length} required document(s) missing: ${missing.join(', ')}`,
        },
      }),
    ];
  },
};
