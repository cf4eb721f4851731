import { SuspensionReason } from '@app/contracts';
import { readFileSync, readdirSync } from 'fs';
import { EventLine, caseEvents, contextAt, findingsOf, loadHolidayCalendar, utc } from '../rules.spec-helper';
import { suspensionIrregularRule } from './suspension-irregular.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accepted: EventLine = ['ACCEPTED', '2025-10-09 10:00', {}];
const suspend = (reason: SuspensionReason = 'TESTING', noticeIssued = true, at = '2025-10-13 10:00'): EventLine => [
  'SUSPENDED',
  at,
  { reason, expectedDays: 5, noticeIssued },
];
const resume = (at: string): EventLine => ['RESUMED', at, {}];
const irregular = (lines: EventLine[], now = '2025-11-20 10:00') => findingsOf(suspensionIrregularRule, calendar, caseEvents(...lines), now);

describe('SUSPENSION_IRREGULAR', () => {
  // Suspended Monday 2025-10-13 for 5 declared working days: 10-14…10-17 and 10-20 are not counted.
  it.each<[string, EventLine[], string[]]>([
    ['resumed on the 5th working day', [accepted, suspend(), resume('2025-10-20 16:00')], []],
    ['resumed on the 6th working day', [accepted, suspend(), resume('2025-10-21 09:00')], ['LONGER_THAN_DECLARED']],
    ['for a reason art. 45 does not know', [accepted, suspend('OTHER'), resume('2025-10-14 10:00')], ['REASON_NOT_ALLOWED']],
    ['without written notice', [accepted, suspend('TESTING', false), resume('2025-10-14 10:00')], ['NO_WRITTEN_NOTICE']],
    ['ended by the decision in time', [accepted, suspend(), ['DECIDED', '2025-10-17 10:00', { outcome: 'APPROVED' }]], []],
  ])('%s → %j', (_label, lines, problems) => {
    const findings = irregular(lines);
    expect(findings).toHaveLength(problems.length > 0 ? 1 : 0);
    if (problems.length > 0) {
      expect(findings[0]).toMatchObject({ level: 'YELLOW', timeDriven: false });
      expect((findings[0].evidence.facts.suspensions as { problems: string[] }[])[0].problems).toEqual(problems);
    }
  });

  it('a suspension run over its declaration dates the breach at the first day beyond it', () => {
    const [finding] = irregular([accepted, suspend(), resume('2025-10-22 09:00')]);
    expect(finding).toMatchObject({ breachedAt: utc('2025-10-21 00:00'), evidence: { eventIds: ['e2', 'e3'] } });
    expect(finding.summary.zh).toBe('特别程序滥用：2025-10-13中止，已中止7个工作日，超过告知的5个工作日');
  });

  it.each([
    ['2025-10-20 23:59', 0],
    ['2025-10-21 00:00', 1],
  ])('a suspension still running at %s finds %i', (now, count) => {
    const findings = irregular([accepted, suspend()], now);
    expect(findings).toHaveLength(count);
    if (count === 1) expect(findings[0]).toMatchObject({ timeDriven: true, breachedAt: utc('2025-10-21 00:00') });
  });

  it('offers the first day beyond the declaration as a threshold while running', () => {
    const context = contextAt(calendar, caseEvents(accepted, suspend()), '2025-10-15 10:00');
    expect(suspensionIrregularRule.thresholdInstants?.(context)).toEqual([Date.parse(utc('2025-10-21 00:00'))]);
  });

  it('flags a suspension started while already suspended', () => {
    const [finding] = irregular([accepted, suspend(), suspend('TESTING', true, '2025-10-14 10:00'), resume('2025-10-15 10:00')]);
    expect(finding).toMatchObject({ breachedAt: utc('2025-10-14 10:00') });
    expect((finding.evidence.facts.suspensions as { problems: string[] }[])[0].problems).toEqual(['ALREADY_SUSPENDED']);
  });

  it('allows a grace period from the item', () => {
    const findings = findingsOf(suspensionIrregularRule, calendar, caseEvents(accepted, suspend(), resume('2025-10-21 09:00')), '2025-11-20 10:00', {
      thresholds: { SUSPENSION_IRREGULAR: { graceWorkingDays: 1 } },
    });
    expect(findings).toHaveLength(0);
  });
});
