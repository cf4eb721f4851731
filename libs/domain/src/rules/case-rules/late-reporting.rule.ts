import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { backdatedEvents } from '../support/backdated-events';
import { caseHistory } from '../support/case-history';
import { makeFinding } from '../support/make-finding';

const HOUR_MS = 3_600_000;
/** Enough to show the pattern on a card; the count says how many there were. */
const LISTED_EVENTS = 20;

const hours = (ms: number): number => Math.round((ms / HOUR_MS) * 10) / 10;

/**
 * 数据报送不及时 (PROMPT): an event reached the centre more than 24 hours after it happened. The
 * breach is the moment the report became late; it is only seen when the event arrives.
 */
export const lateReportingRule: CaseRule<'LATE_REPORTING'> = {
  code: 'LATE_REPORTING',
  levels: ['PROMPT'],
  defaults: DEFAULT_RULE_SETTINGS.LATE_REPORTING,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const { maxDelayHours, monitoredSince } = context.settings.LATE_REPORTING;
    const maxDelayMs = maxDelayHours * HOUR_MS;
    const late = backdatedEvents(caseHistory(context.events), maxDelayMs, monitoredSince);
    if (late.length === 0) return [];
    const first = late.reduce((earliest, entry) => (entry.at < earliest.at ? entry : earliest));
    const longest = Math.max(...late.map((entry) => entry.receivedAt - entry.at));
    return [
      makeFinding('LATE_REPORTING', {
        level: 'PROMPT',
        breachedAtMs: first.at + maxDelayMs,
        timeDriven: false,
        responsibleOfficerId: officerAt(context, first.at, { eventOfficer: first.event.officerId }),
        eventIds: late.map((entry) => entry.event.eventId),
        facts: {
          maxDelayHours,
          lateCount: late.length,
          longestDelayHours: hours(longest),
          lateEvents: late.slice(0, LISTED_EVENTS).map((entry) => ({
            eventId: entry.event.eventId,
            type: entry.event.type,
            occurredAt: entry.event.occurredAt,
            receivedAt: entry.event.receivedAt,
            delayHours: hours(entry.receivedAt - entry.at),
          })),
        },
        summary: {
          zh: `数据报送不及时：${late.length}条事件超过${maxDelayHours}小时报送，最长${hours(longest)}小时`,
          en: `${late.length} event(s) reported more than ${maxDelayHours} h late, longest ${hours(longest)} h`,
        },
      }),
    ];
  },
};
