import { readFileSync, readdirSync } from 'fs';
import { caseEvents, contextAt, findingsOf, item, loadHolidayCalendar } from '../rules.spec-helper';
import { certificateLateRule } from './certificate-late.rule';
import { forwardLateRule } from './forward-late.rule';

// Art. 45: 行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，
// 所需时间不计算在本节规定的期限内。"本节" is section 4 (arts. 42–45): the decision limits, the
// lower-level review (art. 43) and issuance (art. 44).
const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const forwardedItem = item({ kind: 'FORWARDED' });
const NOW = '2025-12-20 10:00';

// Accepted Friday 2025-09-26: 20 working days → 2025-10-30. Testing from Monday 10-13 to Friday
// 10-17 keeps 10-14…10-17 (4 working days) off the clock → 2025-11-05.
const forwardedOn = (at: string) =>
  caseEvents(
    ['ACCEPTED', '2025-09-26 10:00', {}],
    ['SUSPENDED', '2025-10-13 10:00', { reason: 'TESTING', expectedDays: 5, noticeIssued: true }],
    ['RESUMED', '2025-10-17 10:00', {}],
    ['FORWARDED', at, { toDepartmentCode: 'P01' }],
  );

// Approved 2025-10-09: 10 working days → 2025-10-22. An inspection 10-13…10-15 keeps 10-14 and
// 10-15 off the clock → 2025-10-24.
const issuedOn = (at: string) =>
  caseEvents(
    ['ACCEPTED', '2025-09-26 10:00', {}],
    ['DECIDED', '2025-10-09 10:00', { outcome: 'APPROVED' }],
    ['SUSPENDED', '2025-10-13 10:00', { reason: 'INSPECTION', expectedDays: 3, noticeIssued: true }],
    ['RESUMED', '2025-10-15 10:00', {}],
    ['CERTIFICATE_ISSUED', at, { certificateNo: 'X-1' }],
  );

describe('art. 45 "所需时间不计算在本节规定的期限内": every limit of arts. 42–44', () => {
  it('art. 43 lower-level review: testing time is not counted — forwarded on the 20th counted working day is on time', () => {
    const events = forwardedOn('2025-11-05 16:00');
    expect(findingsOf(forwardLateRule, calendar, events, NOW, { item: forwardedItem })).toEqual([]);
    const review = contextAt(calendar, events, NOW, { item: forwardedItem }).clocks.clocks.find((c) => c.kind === 'LOWER_REVIEW');
    expect(review).toMatchObject({ dueOn: '2025-11-05', suspendedWorkingDays: 4, state: 'met' });
    expect(findingsOf(forwardLateRule, calendar, forwardedOn('2025-11-06 09:00'), NOW, { item: forwardedItem })).toHaveLength(1);
  });

  it('art. 44 issuance: inspection time is not counted — issued on the 10th counted working day is on time', () => {
    expect(findingsOf(certificateLateRule, calendar, issuedOn('2025-10-24 16:00'), NOW)).toEqual([]);
    const issuance = contextAt(calendar, issuedOn('2025-10-24 16:00'), NOW).clocks.clocks.find((c) => c.kind === 'ISSUANCE');
    expect(issuance).toMatchObject({ dueOn: '2025-10-24', suspendedWorkingDays: 2 });
    expect(findingsOf(certificateLateRule, calendar, issuedOn('2025-10-27 09:00'), NOW)).toHaveLength(1);
  });

  it('an item whose local rule counts that time sets excludeSuspendedTime: false, per clock', () => {
    const counted = { FORWARD_LATE: { excludeSuspendedTime: false }, CERTIFICATE_LATE: { excludeSuspendedTime: false } };
    expect(findingsOf(forwardLateRule, calendar, forwardedOn('2025-11-05 16:00'), NOW, { item: forwardedItem, thresholds: counted })).toHaveLength(1);
    expect(findingsOf(certificateLateRule, calendar, issuedOn('2025-10-24 16:00'), NOW, { thresholds: counted })).toHaveLength(1);
    const decision = contextAt(calendar, forwardedOn('2025-11-05 16:00'), NOW, { item: forwardedItem, thresholds: counted }).clocks.clocks;
    // The decision clocks are always art. 45's: the setting is not theirs.
    expect(decision.find((c) => c.kind === 'DECISION_STATUTORY')?.suspendedWorkingDays).toBe(4);
  });
});
