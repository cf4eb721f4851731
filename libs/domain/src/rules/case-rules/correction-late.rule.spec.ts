import { readFileSync, readdirSync } from 'fs';
import { caseEvents, findingsOf, loadHolidayCalendar } from '../rules.spec-helper';
import { correctionLateRule } from './correction-late.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const submitted = caseEvents(['SUBMITTED', '2025-09-26 10:00', { channel: 'WINDOW', documents: ['application'] }]);
const noticeAt = (at: string) => [
  ...submitted,
  ...caseEvents(['CORRECTION_REQUESTED', at, { missing: ['licence'] }]).map((e) => ({ ...e, eventId: 'e2', seq: 2 })),
];

describe('CORRECTION_LATE', () => {
  // Art. 32(4): 5 working days from receipt on 2025-09-26 → 09-28, 09-29, 09-30, 10-09, 10-10.
  it.each([
    ['2025-10-10 17:00', 0],
    ['2025-10-11 09:00', 1], // a make-up Saturday: a working day, and the sixth
  ])('a correction notice at %s finds %i', (at, count) => {
    const findings = findingsOf(correctionLateRule, calendar, noticeAt(at), '2025-10-20 10:00');
    expect(findings).toHaveLength(count);
    if (count === 1) {
      expect(findings[0]).toMatchObject({
        level: 'YELLOW',
        breachedAt: '2025-10-10T16:00:00.000Z',
        timeDriven: false,
        evidence: { eventIds: ['e1', 'e2'], clock: { kind: 'ACCEPTANCE_NOTICE', dueOn: '2025-10-10', stoppedBy: 'CORRECTION_REQUESTED' } },
      });
    }
  });

  it.each([
    ['2025-10-10 23:59', 0],
    ['2025-10-11 00:00', 1],
  ])('no answer at all, read at %s, finds %i', (now, count) => {
    const findings = findingsOf(correctionLateRule, calendar, submitted, now);
    expect(findings).toHaveLength(count);
    if (count === 1) expect(findings[0].timeDriven).toBe(true);
  });

  it('is quiet when the case is accepted in time', () => {
    const events = caseEvents(['SUBMITTED', '2025-09-26 10:00', { channel: 'WINDOW', documents: [] }], ['ACCEPTED', '2025-09-29 10:00', {}]);
    expect(findingsOf(correctionLateRule, calendar, events, '2025-11-20 10:00')).toHaveLength(0);
  });
});
