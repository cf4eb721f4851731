import { readFileSync, readdirSync } from 'fs';
import { EventLine, caseEvents, findingsOf, item, loadHolidayCalendar, utc } from '../rules.spec-helper';
import { extensionIrregularRule } from './extension-irregular.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accepted: EventLine = ['ACCEPTED', '2025-09-26 10:00', {}];
const extend = (days: number, approvedBy?: string, at = '2025-10-20 10:00'): EventLine => [
  'EXTENDED',
  at,
  { days, ...(approvedBy ? { approvedBy } : {}), reason: '案情复杂' },
];
const problemsOf = (lines: EventLine[], options = {}) => {
  const findings = findingsOf(extensionIrregularRule, calendar, caseEvents(accepted, ...lines), '2025-11-20 10:00', options);
  return findings.length === 0 ? null : (findings[0].evidence.facts.extensions as { problems: string[] }[]).map((e) => e.problems);
};

describe('EXTENSION_IRREGULAR', () => {
  it.each<[string, EventLine[], string[][] | null]>([
    ['+10 approved', [extend(10, 'HEAD')], null],
    ['+10 without approver', [extend(10)], [['NO_APPROVER']]],
    ['+11 approved', [extend(11, 'HEAD')], [['OVER_CAP']]],
    ['twice, +5 each', [extend(5, 'HEAD'), extend(5, 'HEAD', '2025-10-22 10:00')], [[], ['REPEATED']]],
    ['after the limit ran out (due 2025-10-30)', [extend(5, 'HEAD', '2025-10-31 10:00')], [['AFTER_DUE']]],
  ])('%s → %j', (_label, lines, problems) => {
    expect(problemsOf(lines)).toEqual(problems);
  });

  it('allows +15 for joint handling', () => {
    expect(problemsOf([extend(15, 'GOV')], { item: item({ kind: 'JOINT', statutoryDays: 45 }) })).toBeNull();
    expect(problemsOf([extend(16, 'GOV')], { item: item({ kind: 'JOINT', statutoryDays: 45 }) })).toEqual([['OVER_CAP']]);
  });

  it('dates the breach at the first irregular extension', () => {
    const findings = findingsOf(extensionIrregularRule, calendar, caseEvents(accepted, extend(10)), '2025-11-20 10:00');
    expect(findings[0]).toMatchObject({
      level: 'YELLOW',
      breachedAt: utc('2025-10-20 10:00'),
      timeDriven: false,
      summary: { zh: '违规延期：2025-10-20延期10个工作日，未经负责人批准' },
    });
  });

  it('takes the number of extensions allowed from the item', () => {
    expect(problemsOf([extend(5, 'HEAD'), extend(5, 'HEAD', '2025-10-22 10:00')], { thresholds: { EXTENSION_IRREGULAR: { maxExtensions: 2 } } })).toBeNull();
  });
});
