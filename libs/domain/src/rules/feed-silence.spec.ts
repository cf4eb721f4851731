import { Finding } from '@app/contracts';
import { readFileSync, readdirSync } from 'fs';
import { inhibitByFeedSilence } from './feed-inhibition';
import { evaluateFeedSilence, feedLookbackStart } from './feed-silence';
import { DEFAULT_RULE_SETTINGS } from './rule-settings';
import { loadHolidayCalendar, shanghai, utc } from './rules.spec-helper';
import { instantAfterWorkingMs, workingMsBetween } from './support/working-time';
import { DEFAULT_COUNTING_POLICY } from '../calendar/counting-policy';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const settings = DEFAULT_RULE_SETTINGS.FEED_SILENT;
const feed = (lastReceivedAt: string | null, now: string, extra: { recentEventCount?: number; typicalGapMs?: number } = {}) =>
  evaluateFeedSilence({
    departmentCode: 'D01',
    lastReceivedAt: lastReceivedAt === null ? null : utc(lastReceivedAt),
    recentEventCount: extra.recentEventCount ?? 500,
    ...(extra.typicalGapMs === undefined ? {} : { typicalGapMs: extra.typicalGapMs }),
    settings,
    departmentContact: { officerId: 'O-CONTACT' },
    calendar,
    now: shanghai(now),
  });

describe('working time', () => {
  const HOUR = 3_600_000;
  it('counts working days only, 24 h each', () => {
    // Friday 18:00 → Monday 18:00: 6 h of Friday, nothing at the weekend, 18 h of Monday.
    expect(workingMsBetween(calendar, DEFAULT_COUNTING_POLICY, Date.parse(utc('2025-10-17 18:00')), Date.parse(utc('2025-10-20 18:00')))).toBe(24 * HOUR);
    expect(instantAfterWorkingMs(calendar, DEFAULT_COUNTING_POLICY, Date.parse(utc('2025-10-17 18:00')), 24 * HOUR)).toBe(Date.parse(utc('2025-10-20 18:00')));
  });

  it('skips the National Day break and counts the make-up Saturday', () => {
    expect(instantAfterWorkingMs(calendar, DEFAULT_COUNTING_POLICY, Date.parse(utc('2025-09-30 12:00')), 24 * HOUR)).toBe(Date.parse(utc('2025-10-09 12:00')));
    expect(instantAfterWorkingMs(calendar, DEFAULT_COUNTING_POLICY, Date.parse(utc('2025-10-10 12:00')), 24 * HOUR)).toBe(Date.parse(utc('2025-10-11 12:00')));
  });
});

describe('FEED_SILENT', () => {
  it.each([
    ['2025-10-20 17:59', false],
    ['2025-10-20 18:00', true],
  ])('last event Friday 2025-10-17 18:00, read at %s: silent %s', (now, silent) => {
    const result = feed('2025-10-17 18:00', now);
    expect(result.silent).toBe(silent);
    if (!silent) expect(result).toMatchObject({ finding: null, nextEvaluationAt: utc('2025-10-20 18:00') });
    else {
      expect(result.nextEvaluationAt).toBeNull();
      expect(result.finding).toMatchObject({
        rule: 'FEED_SILENT',
        level: 'PROMPT',
        responsibleOfficerId: 'O-CONTACT',
        breachedAt: utc('2025-10-20 18:00'),
        timeDriven: true,
        evidence: { facts: { departmentCode: 'D01', silentWorkingHours: 24, thresholdWorkingHours: 24 } },
        summary: { zh: '数据中断：自2025-10-17 18:00起未收到数据，已24个工作小时（阈值24小时）' },
      });
    }
  });

  it('waits several typical gaps for a department that reports rarely', () => {
    const typicalGapMs = 20 * 3_600_000; // ×4 = 80 working hours
    expect(feed('2025-10-13 10:00', '2025-10-16 17:59', { typicalGapMs }).silent).toBe(false);
    expect(feed('2025-10-13 10:00', '2025-10-16 18:00', { typicalGapMs }).silent).toBe(true);
  });

  it('does not watch a department that does not normally report, or never did', () => {
    expect(feed('2025-10-13 10:00', '2025-11-20 10:00', { recentEventCount: 49 })).toMatchObject({ silent: false, nextEvaluationAt: null });
    expect(feed(null, '2025-11-20 10:00')).toMatchObject({ silent: false, nextEvaluationAt: null });
  });

  it('measures activity over the working days before the last event', () => {
    expect(feedLookbackStart(calendar, utc('2025-10-20 18:00'), settings)).toBe(utc('2025-09-29 00:00')); // 10 working days back, across National Day
  });
});

describe('inhibition by a silent feed', () => {
  const finding = (rule: Finding['rule'], breachedAt: string, timeDriven: boolean): Finding => ({
    rule,
    level: 'RED',
    rulesetVersion: 'test',
    responsibleOfficerId: null,
    breachedAt: utc(breachedAt),
    timeDriven,
    evidence: { eventIds: [], facts: {} },
    summary: { zh: '', en: '' },
  });
  const silent = { silent: true, lastReceivedAt: utc('2025-10-17 18:00') };
  const overdueDuringSilence = finding('STATUTORY_OVERDUE', '2025-10-21 00:00', true);
  const overdueBefore = finding('PROMISED_OVERDUE', '2025-10-16 00:00', true);
  const decidedLate = finding('STATUTORY_OVERDUE', '2025-10-21 00:00', false);
  const fee = finding('FEE_IRREGULAR', '2025-10-21 00:00', false);

  it('holds back time-driven findings breached after the last receipt, and only those', () => {
    expect(inhibitByFeedSilence([overdueDuringSilence, overdueBefore, decidedLate, fee], silent)).toEqual({
      active: [overdueBefore, decidedLate, fee],
      inhibited: [overdueDuringSilence],
    });
  });

  it('holds back nothing while the feed reports, or for rules it is told to leave alone', () => {
    expect(inhibitByFeedSilence([overdueDuringSilence], { silent: false, lastReceivedAt: null }).inhibited).toEqual([]);
    expect(inhibitByFeedSilence([overdueDuringSilence], null).active).toEqual([overdueDuringSilence]);
    expect(inhibitByFeedSilence([overdueDuringSilence], silent, { ...settings, inhibits: ['DEADLINE_NEAR'] }).inhibited).toEqual([]);
  });

  it('accepts the result of evaluateFeedSilence as the feed state', () => {
    const state = feed('2025-10-17 18:00', '2025-10-21 10:00');
    expect(inhibitByFeedSilence([overdueDuringSilence], state).inhibited).toEqual([overdueDuringSilence]);
  });
});
