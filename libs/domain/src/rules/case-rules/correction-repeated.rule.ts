import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { caseHistory, eventsOfType } from '../support/case-history';
import { localDay } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';

/**
 * 非一次性告知 (YELLOW, art. 32(4)): the applicant must be told everything missing in one notice.
 * A second correction notice on the same application is the breach, whatever it asks for — the
 * first notice should have listed it.
 */
export const correctionRepeatedRule: CaseRule<'CORRECTION_REPEATED'> = {
  code: 'CORRECTION_REPEATED',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.CORRECTION_REPEATED,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const { maxNotices } = context.settings.CORRECTION_REPEATED;
    const notices = eventsOfType(caseHistory(context.events), 'CORRECTION_REQUESTED');
    const breach = notices[maxNotices];
    if (!breach) return [];
    return [
      makeFinding('CORRECTION_REPEATED', {
        level: 'YELLOW',
        breachedAtMs: breach.at,
        timeDriven: false,
        responsibleOfficerId: officerAt(context, breach.at, { eventOfficer: breach.event.officerId }),
        eventIds: notices.map((notice) => notice.event.eventId),
        facts: {
          noticeCount: notices.length,
          maxNotices,
          notices: notices.map((notice) => ({ on: localDay(context, notice.at), missing: notice.event.data.missing })),
        },
        summary: {
          zh: `非一次性告知：共${notices.length}次补正告知，第${maxNotices + 1}次于${localDay(context, breach.at)}`,
          en: `Correction requested ${notices.length} times; notice ${maxNotices + 1} on ${localDay(context, breach.at)}`,
        },
      }),
    ];
  },
};
