import { ItemStep } from '@app/contracts';
import { DEFAULT_RULE_SETTINGS } from '../rule-settings';
import { CaseFinding, CaseRule, RuleContext } from '../rule-types';
import { officerAt } from '../support/attribution';
import { HistoryEvent, caseHistory } from '../support/case-history';
import { localDay } from '../support/clock-evidence';
import { makeFinding } from '../support/make-finding';

interface StepRecord {
  step: ItemStep;
  catalogueIndex: number;
  firstStart?: HistoryEvent;
  firstCompletion?: HistoryEvent;
}

/** Each checked mandatory step with its first start and first completion before the decision. */
function mandatoryStepRecords(context: RuleContext, steps: readonly ItemStep[], decision: HistoryEvent): StepRecord[] {
  const { notCheckedAtDecision } = context.settings.STEP_SKIPPED;
  const records = steps
    .map((step, catalogueIndex): StepRecord => ({ step, catalogueIndex }))
    .filter(({ step }) => step.mandatory && !notCheckedAtDecision.includes(step.code));
  const byCode = new Map(records.map((record) => [record.step.code, record]));
  for (const entry of caseHistory(context.events)) {
    if (entry.position >= decision.position) break;
    const { event } = entry;
    if (event.type !== 'STEP_STARTED' && event.type !== 'STEP_COMPLETED') continue;
    const record = byCode.get(event.data.step);
    if (!record) continue;
    if (event.type === 'STEP_STARTED') record.firstStart ??= entry;
    else record.firstCompletion ??= entry;
  }
  return records;
}

/** Pairs where a later catalogued step started before an earlier one. */
function outOfOrderPairs(records: readonly StepRecord[]): { step: string; startedBefore: string }[] {
  const started = records
    .filter((record): record is StepRecord & { firstStart: HistoryEvent } => record.firstStart !== undefined)
    .sort((a, b) => a.firstStart.position - b.firstStart.position);
  const pairs: { step: string; startedBefore: string }[] = [];
  started.forEach((later, index) => {
    for (const earlier of started.slice(index + 1)) {
      if (earlier.catalogueIndex < later.catalogueIndex) pairs.push({ step: later.step.code, startedBefore: earlier.step.code });
    }
  });
  return pairs;
}

/**
 * 违反程序 (RED): at the decision, a mandatory catalogued step had not been done (completed, by
 * default), or mandatory steps were started out of catalogue order. Steps that belong after the
 * decision (issuance) are not required before it.
 */
export const stepSkippedRule: CaseRule<'STEP_SKIPPED'> = {
  code: 'STEP_SKIPPED',
  levels: ['RED'],
  defaults: DEFAULT_RULE_SETTINGS.STEP_SKIPPED,
  timeDriven: false,
  evaluate(context: RuleContext): CaseFinding[] {
    const settings = context.settings.STEP_SKIPPED;
    const steps = context.item?.steps ?? [];
    const decision = caseHistory(context.events).find(({ event }) => event.type === 'DECIDED');
    if (!decision || decision.event.type !== 'DECIDED' || !settings.outcomes.includes(decision.event.data.outcome)) return [];
    const records = mandatoryStepRecords(context, steps, decision);
    const missing = records.filter((record) => (settings.requireCompletion ? !record.firstCompletion : !record.firstStart && !record.firstCompletion));
    const outOfOrder = settings.checkOrder ? outOfOrderPairs(records) : [];
    if (missing.length === 0 && outOfOrder.length === 0) return [];

    const on = localDay(context, decision.at);
    const missingNames = missing.map((record) => record.step.name);
    const zhParts = [
      ...(missingNames.length > 0 ? [`缺少必经环节${missingNames.join('、')}`] : []),
      ...(outOfOrder.length > 0 ? [`环节顺序颠倒（${outOfOrder.map((pair) => `${pair.step}先于${pair.startedBefore}`).join('，')}）`] : []),
    ];
    const enParts = [
      ...(missing.length > 0 ? [`mandatory step(s) ${missing.map((record) => record.step.code).join(', ')} not done`] : []),
      ...(outOfOrder.length > 0 ? [`steps out of order (${outOfOrder.map((pair) => `${pair.step} before ${pair.startedBefore}`).join(', ')})`] : []),
    ];
    const stepEvents = records.flatMap((record) => [record.firstStart, record.firstCompletion]).filter((entry) => entry !== undefined);
    return [
      makeFinding('STEP_SKIPPED', {
        level: 'RED',
        breachedAtMs: decision.at,
        timeDriven: false,
        responsibleOfficerId: officerAt(context, decision.at, { eventOfficer: decision.event.officerId }),
        eventIds: [...stepEvents.sort((a, b) => a.position - b.position).map((entry) => entry.event.eventId), decision.event.eventId],
        facts: {
          decidedOn: on,
          outcome: decision.event.data.outcome,
          missingSteps: missing.map((record) => record.step.code),
          outOfOrder,
          requireCompletion: settings.requireCompletion,
        },
        summary: { zh: `违反程序：${on}作出决定时${zhParts.join('；')}`, en: `Decided on ${on} with ${enParts.join('; ')}` },
      }),
    ];
  },
};
