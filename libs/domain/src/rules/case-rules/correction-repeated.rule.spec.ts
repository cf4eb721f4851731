import { readFileSync, readdirSync } from 'fs';
import { EventLine, amend, caseEvents, findingsOf, loadHolidayCalendar, utc } from '../rules.spec-helper';
import { correctionRepeatedRule } from './correction-repeated.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const rounds = (count: number) =>
  caseEvents(
    ['SUBMITTED', '2025-10-13 10:00', { channel: 'WINDOW', documents: ['application'] }],
    ...Array.from({ length: count }, (_, i): EventLine[] => [
      ['CORRECTION_REQUESTED', `2025-10-${14 + 2 * i} 10:00`, { missing: [`doc-${i}`] }],
      ['CORRECTION_SUBMITTED', `2025-10-${15 + 2 * i} 10:00`, { documents: [`doc-${i}`] }],
    ]).flat(),
  );

describe('CORRECTION_REPEATED', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 1],
  ])('%i correction notices find %i', (notices, count) => {
    expect(findingsOf(correctionRepeatedRule, calendar, rounds(notices), '2025-10-31 10:00')).toHaveLength(count);
  });

  it('dates the breach at the second notice and names its officer', () => {
    const events = amend(rounds(2), { e2: { officerId: 'O-1' }, e4: { officerId: 'O-2' } });
    expect(findingsOf(correctionRepeatedRule, calendar, events, '2025-10-31 10:00')[0]).toMatchObject({
      level: 'YELLOW',
      breachedAt: utc('2025-10-16 10:00'),
      responsibleOfficerId: 'O-2',
      timeDriven: false,
      evidence: { eventIds: ['e2', 'e4'], facts: { noticeCount: 2, maxNotices: 1 } },
    });
  });

  it('takes the number of notices allowed from the item', () => {
    const thresholds = { CORRECTION_REPEATED: { maxNotices: 2 } };
    expect(findingsOf(correctionRepeatedRule, calendar, rounds(2), '2025-10-31 10:00', { thresholds })).toHaveLength(0);
  });
});
