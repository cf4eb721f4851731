import { readFileSync, readdirSync } from 'fs';
import { EventLine, caseEvents, findingsOf, item, loadHolidayCalendar, utc } from '../rules.spec-helper';
import { feeIrregularRule } from './fee-irregular.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const charged = (...amounts: number[]) =>
  caseEvents(
    ['ACCEPTED', '2025-10-13 10:00', {}],
    ...amounts.map((amountFen, i): EventLine => ['FEE_CHARGED', `2025-10-1${4 + i} 10:00`, { amountFen }]),
  );

describe('FEE_IRREGULAR', () => {
  it.each<[string, number, number[], number]>([
    ['a free item, nothing charged', 0, [], 0],
    ['a free item, 1 fen charged', 0, [1], 1],
    ['the standard fee', 5000, [5000], 0],
    ['1 fen above the standard', 5000, [5001], 1],
    ['two charges adding up to more', 5000, [3000, 3000], 1],
  ])('%s finds %i', (_label, feeFen, amounts, count) => {
    expect(findingsOf(feeIrregularRule, calendar, charged(...amounts), '2025-10-20 10:00', { item: item({ feeFen }) })).toHaveLength(count);
  });

  it('dates the breach at the charge that went over and sums every charge', () => {
    expect(findingsOf(feeIrregularRule, calendar, charged(3000, 3000), '2025-10-20 10:00', { item: item({ feeFen: 5000 }) })[0]).toMatchObject({
      level: 'RED',
      breachedAt: utc('2025-10-15 10:00'),
      evidence: { eventIds: ['e2', 'e3'], facts: { totalFen: 6000, standardFen: 5000, excessFen: 1000 } },
      summary: { zh: '违规收费：收费60.00元，超过标准50.00元' },
    });
  });

  it('allows a configured tolerance and needs the catalogue', () => {
    const options = { item: item({ feeFen: 5000, thresholds: { FEE_IRREGULAR: { toleranceFen: 100 } } }) };
    expect(findingsOf(feeIrregularRule, calendar, charged(5100), '2025-10-20 10:00', options)).toHaveLength(0);
    expect(findingsOf(feeIrregularRule, calendar, charged(5000), '2025-10-20 10:00', { item: null })).toHaveLength(0);
  });
});
