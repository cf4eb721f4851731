import { readFileSync, readdirSync } from 'fs';
import { caseEvents, findingsOf, loadHolidayCalendar } from '../rules.spec-helper';
import { certificateLateRule } from './certificate-late.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const issuedAt = (at: string) =>
  caseEvents(
    ['ACCEPTED', '2025-09-26 10:00', {}],
    ['DECIDED', '2025-10-09 10:00', { outcome: 'APPROVED' }],
    ['CERTIFICATE_ISSUED', at, { certificateNo: 'X-1' }],
  );

describe('CERTIFICATE_LATE', () => {
  // Art. 44: 10 working days from the approval on 2025-10-09 → 10-10, 10-11 (make-up), 10-13…17, 10-20…22.
  it.each([
    ['2025-10-22 17:00', 0],
    ['2025-10-23 09:00', 1],
  ])('issued at %s finds %i', (at, count) => {
    const findings = findingsOf(certificateLateRule, calendar, issuedAt(at), '2025-11-20 10:00');
    expect(findings).toHaveLength(count);
    if (count === 1) {
      expect(findings[0]).toMatchObject({
        level: 'YELLOW',
        timeDriven: false,
        evidence: { eventIds: ['e2', 'e3'], clock: { kind: 'ISSUANCE', dueOn: '2025-10-22' } },
        summary: { zh: '发证超时：应于2025-10-22发证送达，实际2025-10-23发证送达，用时11个工作日' },
      });
    }
  });

  it.each([
    ['2025-10-22 23:59', 0],
    ['2025-10-23 00:00', 1],
  ])('not issued, read at %s, finds %i', (now, count) => {
    const events = issuedAt('2025-10-10 10:00').slice(0, 2);
    expect(findingsOf(certificateLateRule, calendar, events, now)).toHaveLength(count);
  });

  it('no certificate is due after a denial', () => {
    const events = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}], ['DECIDED', '2025-10-09 10:00', { outcome: 'DENIED', reason: 'x', legalBasis: 'y' }]);
    expect(findingsOf(certificateLateRule, calendar, events, '2025-11-20 10:00')).toHaveLength(0);
  });
});
