import { readFileSync, readdirSync } from 'fs';
import { EventLine, caseEvents, findingsOf, loadHolidayCalendar } from '../rules.spec-helper';
import { returnVoidNoReasonRule } from './return-void-no-reason.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accepted: EventLine = ['ACCEPTED', '2025-10-13 10:00', {}];

describe('RETURN_VOID_NO_REASON', () => {
  it.each<[string, EventLine, number]>([
    ['returned without reason', ['RETURNED', '2025-10-14 10:00', {}], 1],
    ['voided with a blank reason', ['VOIDED', '2025-10-14 10:00', { reason: ' ' }], 1],
    ['returned with a reason', ['RETURNED', '2025-10-14 10:00', { reason: '材料与实际不符' }], 0],
    ['voided with a reason', ['VOIDED', '2025-10-14 10:00', { reason: '重复录入' }], 0],
    ['withdrawn by the applicant without reason', ['WITHDRAWN', '2025-10-14 10:00', {}], 0],
  ])('%s finds %i', (_label, line, count) => {
    const findings = findingsOf(returnVoidNoReasonRule, calendar, caseEvents(accepted, line), '2025-10-14 11:00');
    expect(findings).toHaveLength(count);
    if (count === 1) expect(findings[0]).toMatchObject({ level: 'PROMPT', timeDriven: false, evidence: { eventIds: ['e2'] } });
  });
});
