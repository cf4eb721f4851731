import { localDayStartInstantMs } from '../../calendar/counting-policy';
import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { HistoryEvent, StoredEventOf, caseHistory } from '../support/case-history';
import { localDay, policyOf } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';

type Problem = 'REASON_NOT_ALLOWED' | 'NO_WRITTEN_NOTICE' | 'LONGER_THAN_DECLARED' | 'ALREADY_SUSPENDED';

interface Suspension {
  start: HistoryEvent<StoredEventOf<'SUSPENDED'>>;
  /** RESUMED, or the decision or closing event that ended it; absent while it runs. */
  end?: HistoryEvent;
  /** Started while another suspension was running (the clocks ignore it). */
  nested: boolean;
}

const ENDS_SUSPENSION = new Set(['RESUMED', 'DECIDED', 'NOT_ACCEPTED', 'WITHDRAWN', 'RETURNED', 'VOIDED', 'CERTIFICATE_ISSUED']);

function suspensionsOf(history: readonly HistoryEvent[]): Suspension[] {
  const suspensions: Suspension[] = [];
  let open: Suspension | undefined;
  for (const entry of history) {
    if (entry.event.type === 'SUSPENDED') {
      const suspension: Suspension = { start: entry as HistoryEvent<StoredEventOf<'SUSPENDED'>>, nested: open !== undefined };
      suspensions.push(suspension);
      open ??= suspension;
    } else if (open && ENDS_SUSPENSION.has(entry.event.type)) {
      open.end = entry;
      open = undefined;
    }
  }
  return suspensions;
}

interface Judged {
  suspension: Suspension;
  problems: Problem[];
  /** Working days not counted: after the start day, through the end day (or today). */
  pausedWorkingDays: number;
  /** Start of the first working day beyond the declared time (plus grace). */
  overrunAt: number;
  breachedAt: number;
}

function judge(context: RuleContext, suspension: Suspension): Judged {
  const settings = context.settings.SUSPENSION_IRREGULAR;
  const { start, end, nested } = suspension;
  const { data } = start.event;
  const startDay = localDay(context, start.at);
  const endDay = localDay(context, end ? end.at : context.now.getTime());
  const pausedWorkingDays = !nested && endDay > startDay ? context.calendar.workingDaysBetween(startDay, endDay) : 0;
  const allowed = Math.max(0, Math.trunc(data.expectedDays)) + settings.graceWorkingDays;
  const overrunAt = localDayStartInstantMs(context.calendar.addWorkingDays(startDay, allowed + 1), policyOf(context));
  const problems: Problem[] = [];
  if (nested) problems.push('ALREADY_SUSPENDED');
  if (!settings.allowedReasons.includes(data.reason)) problems.push('REASON_NOT_ALLOWED');
  if (settings.requireWrittenNotice && !data.noticeIssued) problems.push('NO_WRITTEN_NOTICE');
  if (!nested && pausedWorkingDays > allowed) problems.push('LONGER_THAN_DECLARED');
  const onlyOverrun = problems.length === 1 && problems[0] === 'LONGER_THAN_DECLARED';
  return { suspension, problems, pausedWorkingDays, overrunAt, breachedAt: onlyOverrun ? overrunAt : start.at };
}

function describe(judged: Judged): { zh: string[]; en: string[] } {
  const { data } = judged.suspension.start.event;
  const zh: string[] = [];
  const en: string[] = [];
  for (const problem of judged.problems) {
    switch (problem) {
      case 'ALREADY_SUSPENDED':
        zh.push('在特别程序中再次中止');
        en.push('suspended while already suspended');
        break;
      case 'REASON_NOT_ALLOWED':
        zh.push(`理由${data.reason}不属于法定特别程序`);
        en.push(`reason ${data.reason} is not an art. 45 procedure`);
        break;
      case 'NO_WRITTEN_NOTICE':
        zh.push('未书面告知申请人所需时间');
        en.push('applicant not told in writing');
        break;
      case 'LONGER_THAN_DECLARED':
        zh.push(`已中止${judged.pausedWorkingDays}个工作日，超过告知的${data.expectedDays}个工作日`);
        en.push(`${judged.pausedWorkingDays} working days against ${data.expectedDays} declared`);
        break;
    }
  }
  return { zh, en };
}

/**
 * 特别程序滥用 (YELLOW, art. 45): a suspension for a reason the law does not allow (OTHER), without
 * telling the applicant the expected time in writing, running longer than declared, or started
 * while already suspended. An open suspension becomes "longer than declared" with time alone.
 */
export const suspensionIrregularRule: CaseRule<'SUSPENSION_IRREGULAR'> = {
  code: 'SUSPENSION_IRREGULAR',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.SUSPENSION_IRREGULAR,
  timeDriven: true,
  evaluate(context: RuleContext): CaseFinding[] {
    const judged = suspensionsOf(caseHistory(context.events))
      .map((suspension) => judge(context, suspension))
      .filter((entry) => entry.problems.length > 0)
      .sort((a, b) => a.breachedAt - b.breachedAt || a.suspension.start.position - b.suspension.start.position);
    const first = judged[0];
    if (!first) return [];
    const { start } = first.suspension;
    const text = describe(first);
    const on = localDay(context, start.at);
    const fromEvent = first.breachedAt === start.at;
    const restsOnAbsence = judged.every(
      (entry) => entry.suspension.end === undefined && entry.problems.every((problem) => problem === 'LONGER_THAN_DECLARED'),
    );
    return [
      makeFinding('SUSPENSION_IRREGULAR', {
        level: 'YELLOW',
        breachedAtMs: first.breachedAt,
        timeDriven: restsOnAbsence,
        responsibleOfficerId: officerAt(context, first.breachedAt, fromEvent ? { eventOfficer: start.event.officerId } : {}),
        eventIds: judged.flatMap(({ suspension }) => [suspension.start.event.eventId, ...(suspension.end ? [suspension.end.event.eventId] : [])]),
        facts: {
          suspensions: judged.map((entry) => ({
            eventId: entry.suspension.start.event.eventId,
            suspendedOn: localDay(context, entry.suspension.start.at),
            ...(entry.suspension.end ? { endedOn: localDay(context, entry.suspension.end.at), endedBy: entry.suspension.end.event.type } : {}),
            reason: entry.suspension.start.event.data.reason,
            expectedDays: entry.suspension.start.event.data.expectedDays,
            pausedWorkingDays: entry.pausedWorkingDays,
            problems: entry.problems,
          })),
          graceWorkingDays: context.settings.SUSPENSION_IRREGULAR.graceWorkingDays,
        },
        summary: { zh: `特别程序滥用：${on}中止，${text.zh.join('，')}`, en: `Irregular suspension on ${on}: ${text.en.join('; ')}` },
      }),
    ];
  },
  thresholdInstants(context: RuleContext): number[] {
    return suspensionsOf(caseHistory(context.events))
      .filter((suspension) => suspension.end === undefined && !suspension.nested)
      .map((suspension) => judge(context, suspension).overrunAt);
  },
};
