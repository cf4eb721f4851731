import { DepartmentContact, Finding } from '@app/contracts';
import { CountingPolicy, DEFAULT_COUNTING_POLICY, localDateOf, localDayStartInstantMs, toIsoInstant } from '../calendar/counting-policy';
import { WorkingCalendar } from '../calendar/working-calendar';
import { RuleSettingsByCode } from './rule-settings';
import { RULESET_VERSION } from './ruleset-version';
import { instantAfterWorkingMs, workingMsBetween } from './support/working-time';

const HOUR_MS = 3_600_000;

export interface FeedSilenceInput {
  departmentCode: string;
  /** When the centre last received an event from the department; null if it never did. */
  lastReceivedAt: string | null;
  /** Events received from the department in the lookback before `lastReceivedAt` (`feedLookbackStart`). */
  recentEventCount: number;
  /** The department's typical gap between receipts, in working time (ms), when known. */
  typicalGapMs?: number;
  settings: Readonly<RuleSettingsByCode['FEED_SILENT']>;
  departmentContact?: DepartmentContact;
  calendar: WorkingCalendar;
  policy?: CountingPolicy;
  now: Date;
}

export interface FeedSilenceResult {
  departmentCode: string;
  silent: boolean;
  lastReceivedAt: string | null;
  /** The FEED_SILENT finding while silent. */
  finding: Finding | null;
  /** When the feed turns silent if nothing arrives; null once silent, or for a feed not watched. */
  nextEvaluationAt: string | null;
}

/**
 * Where the activity window for "normally reports" begins: `lookbackWorkingDays` working days
 * before the last receipt. Count the department's events received in [this, lastReceivedAt].
 */
export function feedLookbackStart(
  calendar: WorkingCalendar,
  lastReceivedAt: string,
  settings: Readonly<RuleSettingsByCode['FEED_SILENT']>,
  policy: CountingPolicy = DEFAULT_COUNTING_POLICY,
): string {
  const day = calendar.addWorkingDays(localDateOf(lastReceivedAt, policy), -settings.lookbackWorkingDays);
  return toIsoInstant(localDayStartInstantMs(day, policy));
}

/**
 * FEED_SILENT (PROMPT), per department: a department that normally reports has sent nothing for
 * the configured working time (or several times its usual gap, whichever is longer). The
 * activity is measured before the silence, so a long silence does not make the department look
 * like one that never reports.
 */
export function evaluateFeedSilence(input: FeedSilenceInput): FeedSilenceResult {
  const { settings, calendar, departmentCode, lastReceivedAt } = input;
  const policy = input.policy ?? DEFAULT_COUNTING_POLICY;
  const quiet: FeedSilenceResult = { departmentCode, silent: false, lastReceivedAt, finding: null, nextEvaluationAt: null };
  const lastMs = lastReceivedAt === null ? Number.NaN : Date.parse(lastReceivedAt);
  if (!settings.enabled || Number.isNaN(lastMs) || input.recentEventCount < settings.minRecentEvents) return quiet;

  const now = input.now.getTime();
  const thresholdMs = Math.max(settings.silentAfterWorkingHours * HOUR_MS, settings.typicalGapMultiplier * (input.typicalGapMs ?? 0));
  const silentFromMs = instantAfterWorkingMs(calendar, policy, lastMs, thresholdMs);
  if (now < silentFromMs) return { ...quiet, nextEvaluationAt: toIsoInstant(silentFromMs) };

  const silentHours = Math.round((workingMsBetween(calendar, policy, lastMs, now) / HOUR_MS) * 10) / 10;
  const thresholdHours = Math.round((thresholdMs / HOUR_MS) * 10) / 10;
  const lastLocal = new Date(lastMs + policy.utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const finding: Finding = {
    rule: 'FEED_SILENT',
    level: 'PROMPT',
    rulesetVersion: RULESET_VERSION,
    responsibleOfficerId: input.departmentContact?.officerId ?? null,
    breachedAt: toIsoInstant(silentFromMs),
    timeDriven: true,
    evidence: {
      eventIds: [],
      facts: {
        departmentCode,
        lastReceivedAt,
        silentWorkingHours: silentHours,
        thresholdWorkingHours: thresholdHours,
        recentEventCount: input.recentEventCount,
        ...(input.typicalGapMs === undefined ? {} : { typicalGapMs: input.typicalGapMs }),
      },
    },
    summary: {
      zh: `数据中断：自${lastLocal}起未收到数据，已${silentHours}个工作小时（阈值${thresholdHours}小时）`,
      en: `Feed silent since ${lastLocal} (local): ${silentHours} working hours without an event (threshold ${thresholdHours} h)`,
    },
  };
  return { departmentCode, silent: true, lastReceivedAt, finding, nextEvaluationAt: null };
}
