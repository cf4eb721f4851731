import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { caseHistory, eventsOfType, isBlank } from '../support/case-history';
import { localDay } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';
import { ApproverAuthority, headsInOffice, isAuthorisedApprover, requiredApproverAuthority } from '../../clock/extension-approvers';

type Problem = 'NO_APPROVER' | 'NOT_A_HEAD' | 'OVER_CAP' | 'REPEATED' | 'NO_REASON' | 'AFTER_DUE' | 'AFTER_DECISION';

const ZH: Record<Problem, string> = {
  NO_APPROVER: '未经负责人批准',
  NOT_A_HEAD: '批准人不是法定负责人',
  OVER_CAP: '超过法定延长期限',
  REPEATED: '多次延期',
  NO_REASON: '未说明延期理由',
  AFTER_DUE: '期限届满后延期',
  AFTER_DECISION: '决定后延期',
};
const EN: Record<Problem, string> = {
  NO_APPROVER: 'no approver',
  NOT_A_HEAD: 'the approver is not the head the law requires',
  OVER_CAP: 'beyond the legal cap',
  REPEATED: 'extended more than once',
  NO_REASON: 'no reason given',
  AFTER_DUE: 'granted after the limit had run out',
  AFTER_DECISION: 'granted after the decision',
};

const APPROVER_ZH: Record<ApproverAuthority, string> = { DEPARTMENT_HEAD: '本行政机关负责人', GOVERNMENT_HEAD: '本级人民政府负责人' };

/**
 * 违规延期 (YELLOW, art. 42): an extension of the decision limit without the approval of the head the
 * law names — 本行政机关负责人 for +10, 本级人民政府负责人 for +15 under unified / joint handling —
 * without its reason (told to the applicant), beyond the cap in total, or more than once. The
 * statutory clock's own verdict adds extensions granted after the limit had run out or after the
 * decision — such days were never credited, and neither are those of an approver who is not a head.
 */
export const extensionIrregularRule: CaseRule<'EXTENSION_IRREGULAR'> = {
  code: 'EXTENSION_IRREGULAR',
  levels: ['YELLOW'],
  defaults: DEFAULT_RULE_SETTINGS.EXTENSION_IRREGULAR,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const settings = context.settings.EXTENSION_IRREGULAR;
    const cap = context.item?.kind === 'JOINT' ? settings.jointCapDays : settings.capDays;
    const statutory = context.clocks.clocks.find((clock) => clock.kind === 'DECISION_STATUTORY');
    const clockVerdicts = new Map((statutory?.explanation.extensions ?? []).map((decision) => [decision.eventId, decision.refusal]));
    const authority = requiredApproverAuthority(context.item?.kind === 'JOINT');
    const approvers = settings.requireHeadApproval ? context.extensionApprovers : undefined;
    const extensions = eventsOfType(caseHistory(context.events), 'EXTENDED');
    let totalDays = 0;
    const judged = extensions.map((entry, index) => {
      const { data } = entry.event;
      totalDays += Math.max(0, data.days);
      const problems: Problem[] = [];
      const on = localDay(context, entry.at);
      if (isBlank(data.approvedBy)) problems.push('NO_APPROVER');
      else if (approvers && !isAuthorisedApprover(approvers, authority, data.approvedBy ?? '', on)) problems.push('NOT_A_HEAD');
      if (totalDays > cap) problems.push('OVER_CAP');
      if (index >= settings.maxExtensions) problems.push('REPEATED');
      if (settings.requireReason && isBlank(data.reason)) problems.push('NO_REASON');
      const verdict = clockVerdicts.get(entry.event.eventId);
      if (verdict === 'AFTER_DUE') problems.push('AFTER_DUE');
      if (verdict === 'AFTER_STOP') problems.push('AFTER_DECISION');
      const heads = approvers ? headsInOffice(approvers, authority, on).map((head) => head.id) : undefined;
      return { entry, problems, heads };
    });
    const offending = judged.filter(({ problems }) => problems.length > 0);
    const first = offending[0];
    if (!first) return [];
    const on = localDay(context, first.entry.at);
    return [
      makeFinding('EXTENSION_IRREGULAR', {
        level: 'YELLOW',
        breachedAtMs: first.entry.at,
        timeDriven: false,
        responsibleOfficerId: officerAt(context, first.entry.at, { eventOfficer: first.entry.event.officerId }),
        eventIds: extensions.map((entry) => entry.event.eventId),
        facts: {
          capDays: cap,
          maxExtensions: settings.maxExtensions,
          totalRequestedDays: totalDays,
          requiredApprover: authority,
          approverChecked: approvers !== undefined,
          extensions: judged.map(({ entry, problems, heads }) => ({
            eventId: entry.event.eventId,
            on: localDay(context, entry.at),
            days: entry.event.data.days,
            ...(isBlank(entry.event.data.approvedBy) ? {} : { approvedBy: entry.event.data.approvedBy }),
            // The evidence for NOT_A_HEAD: who did hold the office that day.
            ...(heads ? { headsInOffice: heads } : {}),
            problems,
          })),
        },
        summary: {
          zh: `违规延期：${on}延期${first.entry.event.data.days}个工作日，${first.problems.map((p) => (p === 'NOT_A_HEAD' ? `批准人${first.entry.event.data.approvedBy ?? ''}不是${APPROVER_ZH[authority]}` : ZH[p])).join('，')}`,
          en: `Irregular extension on ${on} of ${first.entry.event.data.days} working days: ${first.problems.map((p) => EN[p]).join('; ')}`,
        },
      }),
    ];
  },
};
