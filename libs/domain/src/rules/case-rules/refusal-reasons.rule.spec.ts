import { readFileSync, readdirSync } from 'fs';
import { EventLine, amend, caseEvents, findingsOf, loadHolidayCalendar } from '../rules.spec-helper';
import { deniedNoReasonRule } from './denied-no-reason.rule';
import { notAcceptedNoReasonRule } from './not-accepted-no-reason.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const submitted: EventLine = ['SUBMITTED', '2025-10-13 10:00', { channel: 'WINDOW', documents: ['application'] }];
const explanations: [string, { reason?: string; legalBasis?: string }, boolean, string[]][] = [
  ['reason and legal basis', { reason: '不属于本机关职权', legalBasis: '行政许可法第三十二条' }, false, []],
  ['a reason only', { reason: '不属于本机关职权' }, true, ['legalBasis']],
  ['nothing', {}, true, ['reason', 'legalBasis']],
  ['a blank reason', { reason: '  ', legalBasis: '第三十八条' }, true, ['reason']],
];

describe('NOT_ACCEPTED_NO_REASON', () => {
  it.each(explanations)('a refusal to accept with %s fires: %s', (_label, data, fires, missing) => {
    const events = amend(caseEvents(submitted, ['NOT_ACCEPTED', '2025-10-14 10:00', data]), { e2: { officerId: 'O-1' } });
    const findings = findingsOf(notAcceptedNoReasonRule, calendar, events, '2025-10-14 11:00');
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) {
      expect(findings[0]).toMatchObject({ level: 'YELLOW', responsibleOfficerId: 'O-1', evidence: { eventIds: ['e2'], facts: { missing } } });
    }
  });

  it('can be told not to require the legal basis', () => {
    const events = caseEvents(submitted, ['NOT_ACCEPTED', '2025-10-14 10:00', { reason: '材料不全' }]);
    const thresholds = { NOT_ACCEPTED_NO_REASON: { requireLegalBasis: false } };
    expect(findingsOf(notAcceptedNoReasonRule, calendar, events, '2025-10-14 11:00', { thresholds })).toHaveLength(0);
  });
});

describe('DENIED_NO_REASON', () => {
  it.each(explanations)('a denial with %s fires: %s', (_label, data, fires, missing) => {
    const events = caseEvents(['ACCEPTED', '2025-10-13 10:00', {}], ['DECIDED', '2025-10-20 10:00', { outcome: 'DENIED', ...data }]);
    const findings = findingsOf(deniedNoReasonRule, calendar, events, '2025-10-20 11:00');
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) expect(findings[0]).toMatchObject({ level: 'YELLOW', breachedAt: '2025-10-20T02:00:00.000Z', evidence: { facts: { missing } } });
  });

  it('an approval needs no reason', () => {
    const events = caseEvents(['ACCEPTED', '2025-10-13 10:00', {}], ['DECIDED', '2025-10-20 10:00', { outcome: 'APPROVED' }]);
    expect(findingsOf(deniedNoReasonRule, calendar, events, '2025-10-20 11:00')).toHaveLength(0);
  });

  it('says what is missing', () => {
    const events = caseEvents(['ACCEPTED', '2025-10-13 10:00', {}], ['DECIDED', '2025-10-20 10:00', { outcome: 'DENIED' }]);
    expect(findingsOf(deniedNoReasonRule, calendar, events, '2025-10-20 11:00')[0].summary).toEqual({
      zh: '不予许可未说明理由和法律依据（2025-10-20）',
      en: 'Denied on 2025-10-20 without reason and legal basis',
    });
  });
});
