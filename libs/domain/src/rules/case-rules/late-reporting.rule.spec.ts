import { readFileSync, readdirSync } from 'fs';
import { amend, caseEvents, findingsOf, loadHolidayCalendar, utc } from '../rules.spec-helper';
import { lateReportingRule } from './late-reporting.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const events = caseEvents(['SUBMITTED', '2025-10-13 10:00', { channel: 'WINDOW', documents: [] }], ['ACCEPTED', '2025-10-14 10:00', {}]);
const receivedAt = (at: string) => amend(events, { e2: { receivedAt: at, officerId: 'O-1' } });

describe('LATE_REPORTING', () => {
  it.each([
    ['2025-10-15 10:00', 0], // exactly 24 h
    ['2025-10-15 10:01', 1],
  ])('an event received at %s (happened 2025-10-14 10:00) finds %i', (at, count) => {
    const findings = findingsOf(lateReportingRule, calendar, receivedAt(at), '2025-10-16 10:00');
    expect(findings).toHaveLength(count);
    if (count === 1) {
      expect(findings[0]).toMatchObject({
        level: 'PROMPT',
        breachedAt: utc('2025-10-15 10:00'),
        responsibleOfficerId: 'O-1',
        timeDriven: false,
        evidence: { eventIds: ['e2'], facts: { lateCount: 1, maxDelayHours: 24 } },
      });
    }
  });

  it('does not judge history from before the department was connected', () => {
    const thresholds = { LATE_REPORTING: { monitoredSince: utc('2025-10-15 00:00') } };
    expect(findingsOf(lateReportingRule, calendar, receivedAt('2025-10-20 10:00'), '2025-10-20 11:00', { thresholds })).toHaveLength(0);
  });

  it('takes the allowed delay from the item', () => {
    const thresholds = { LATE_REPORTING: { maxDelayHours: 48 } };
    expect(findingsOf(lateReportingRule, calendar, receivedAt('2025-10-16 09:00'), '2025-10-16 10:00', { thresholds })).toHaveLength(0);
  });
});
