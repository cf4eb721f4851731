import { CARD_RULE_CODES } from '@app/contracts';
import { ruleName } from './rule-names';

describe('ruleName', () => {
  it('names every card code, oversight cards included, in both languages', () => {
    const unnamed = CARD_RULE_CODES.flatMap((code) => (['zh', 'en'] as const).filter((lang) => ruleName(code, lang) === code).map((lang) => `${code}/${lang}`));
    expect(unnamed).toEqual([]);
    expect(ruleName('SUPERVISION_ORDER_OVERDUE', 'zh')).toBe('督办逾期未复');
    expect(ruleName('COMPLAINT_HANDLING_OVERDUE', 'en')).toBe('Complaint not answered in time');
  });

  it('shows an unknown code as it is', () => {
    expect(ruleName('SOMETHING_NEW', 'zh')).toBe('SOMETHING_NEW');
  });
});
