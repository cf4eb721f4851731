import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { caseHistory, eventsOfType } from '../support/case-history';
import { makeFinding } from '../support/make-finding';

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/**
 * 违规收费 (RED): the fees charged on a case add up to more than the item's standard fee, or any fee
 * is charged on a free item. Charges are summed, so splitting one charge does not hide it.
 */
export const feeIrregularRule: CaseRule<'FEE_IRREGULAR'> = {
  code: 'FEE_IRREGULAR',
  levels: ['RED'],
  defaults: DEFAULT_RULE_SETTINGS.FEE_IRREGULAR,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const { item } = context;
    if (!item) return [];
    const { toleranceFen } = context.settings.FEE_IRREGULAR;
    const charges = eventsOfType(caseHistory(context.events), 'FEE_CHARGED');
    const free = item.feeFen <= 0;
    const allowedFen = free ? 0 : item.feeFen + toleranceFen;
    let totalFen = 0;
    let breach: (typeof charges)[number] | undefined;
    for (const charge of charges) {
      totalFen += charge.event.data.amountFen;
      if (!breach && totalFen > allowedFen) breach = charge;
    }
    if (!breach) return [];
    const summary = free
      ? { zh: `违规收费：免费事项收费${yuan(totalFen)}元`, en: `Fee of CNY ${yuan(totalFen)} charged on a free item` }
      : {
          zh: `违规收费：收费${yuan(totalFen)}元，超过标准${yuan(item.feeFen)}元`,
          en: `CNY ${yuan(totalFen)} charged, above the standard fee of CNY ${yuan(item.feeFen)}`,
        };
    return [
      makeFinding('FEE_IRREGULAR', {
        level: 'RED',
        breachedAtMs: breach.at,
        timeDriven: false,
        responsibleOfficerId: officerAt(context, breach.at, { eventOfficer: breach.event.officerId }),
        eventIds: charges.map((charge) => charge.event.eventId),
        facts: { totalFen, standardFen: item.feeFen, freeItem: free, excessFen: totalFen - item.feeFen, toleranceFen },
        summary,
      }),
    ];
  },
};
