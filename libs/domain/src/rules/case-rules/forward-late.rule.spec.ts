import { readFileSync, readdirSync } from 'fs';
import { caseEvents, findingsOf, item, loadHolidayCalendar } from '../rules.spec-helper';
import { forwardLateRule } from './forward-late.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const forwardedItem = item({ kind: 'FORWARDED' });
const forwardedOn = (at: string) =>
  caseEvents(['ACCEPTED', '2025-09-26 10:00', {}], ['FORWARDED', at, { toDepartmentCode: 'P01' }]);

describe('FORWARD_LATE', () => {
  // Art. 43: 20 working days from acceptance on 2025-09-26 → due 2025-10-30.
  it.each([
    ['2025-10-30 16:00', 0],
    ['2025-10-31 09:00', 1],
  ])('forwarded at %s finds %i', (at, count) => {
    const findings = findingsOf(forwardLateRule, calendar, forwardedOn(at), '2025-11-20 10:00', { item: forwardedItem });
    expect(findings).toHaveLength(count);
    if (count === 1) {
      expect(findings[0]).toMatchObject({ level: 'YELLOW', timeDriven: false, evidence: { eventIds: ['e1', 'e2'], clock: { kind: 'LOWER_REVIEW', dueOn: '2025-10-30' } } });
    }
  });

  it.each([
    ['2025-10-30 23:59', 0],
    ['2025-10-31 00:00', 1],
  ])('not yet forwarded at %s finds %i', (now, count) => {
    const events = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}]);
    expect(findingsOf(forwardLateRule, calendar, events, now, { item: forwardedItem })).toHaveLength(count);
  });

  it('applies to FORWARDED items only', () => {
    expect(findingsOf(forwardLateRule, calendar, caseEvents(['ACCEPTED', '2025-09-26 10:00', {}]), '2025-11-20 10:00')).toHaveLength(0);
  });
});
