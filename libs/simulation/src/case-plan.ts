import { DENIAL_REASONS, DENIED_OPINION, EXTENSION_REASONS, RETURN_REASONS, STEP_OPINIONS, WITHDRAW_REASONS, certificateNumber, suspensionReasonsFor } from './phrases';
import { planAcceptance } from './plan-acceptance';
import { PlannedStep, planSteps, suspensionStepIndex } from './plan-handling';
import { localDate } from './work-time';
import { CasePlanInput, PlannedEvent, StoryWriter } from './story-writer';

type Ending = 'DECIDE' | 'WITHDRAWN' | 'RETURNED';

/**
 * The whole story of one case, from receipt to its last event, with realistic office-hour times.
 * Times may lie in the future of the simulation's `now`; the simulator only delivers what is due.
 * Every event is strictly later than the one before it.
 */
export function planCase(input: CasePlanInput): PlannedEvent[] {
  const w = new StoryWriter(input);
  if (planAcceptance(w)) planHandling(w);
  return w.events;
}

function planHandling(w: StoryWriter): void {
  const { rng } = w;
  const { item } = w.input;
  const irregular = w.irregularity;
  const steps = planSteps(item.steps, item, irregular, rng);

  const suspendAt =
    irregular === 'SUSPENSION_LONG' || (irregular === null && !w.immediate && rng.chance(0.08))
      ? suspensionStepIndex(steps)
      : -1;
  const extendAt = irregular === 'EXTENSION_NO_APPROVER' || (irregular === null && !w.immediate && rng.chance(0.04)) ? 0 : -1;
  const ending: Ending =
    irregular === 'RETURNED_NO_REASON'
      ? 'RETURNED'
      : irregular === null && rng.chance(0.025)
        ? 'WITHDRAWN'
        : irregular === null && rng.chance(0.015)
          ? 'RETURNED'
          : 'DECIDE';
  const endAfter = ending === 'DECIDE' ? -1 : rng.int(0, Math.max(0, steps.length - 2));
  const denied = irregular === 'DENIED_NO_REASON' || (irregular === null && rng.chance(0.07));
  let forwarded = false;

  if (steps.length === 0) {
    if (suspendAt >= 0) suspend(w, 'REVIEW');
    if (extendAt >= 0) extend(w);
  }
  for (let index = 0; index < steps.length; index++) {
    const { step, days } = steps[index];
    if (step.code === 'DECIDE' && item.kind === 'FORWARDED' && !forwarded) forwarded = forward(w);
    const officer = officerFor(w, step.code);
    w.soon();
    w.push('STEP_STARTED', { step: step.code }, officer);
    if (index === suspendAt) suspend(w, step.code);
    if (index === extendAt) extend(w);
    if (step.code === 'FORWARD') forwarded = forward(w);
    w.after(days);
    const opinion = step.code === 'DECIDE' && denied ? DENIED_OPINION : rng.pick(STEP_OPINIONS[step.code] ?? ['同意']);
    w.push('STEP_COMPLETED', { step: step.code, opinion }, officer);
    if (index === endAfter) return closeEarly(w, ending);
  }
  if (ending !== 'DECIDE') return closeEarly(w, ending);
  if (item.kind === 'FORWARDED' && !forwarded) forward(w);
  decide(w, steps, denied);
}

function officerFor(w: StoryWriter, stepCode: string): string | undefined {
  switch (stepCode) {
    case 'INSPECT':
      return w.cast.inspector;
    case 'DECIDE':
      return w.cast.head;
    case 'ISSUE':
      return w.cast.window;
    default:
      return w.cast.handler;
  }
}

function forward(w: StoryWriter): boolean {
  w.soon(5, 60);
  w.push('FORWARDED', { toDepartmentCode: w.input.department.forwardTo }, w.cast.handler);
  return true;
}

function suspend(w: StoryWriter, stepCode: string): void {
  const { rng } = w;
  const irregular = w.irregularity === 'SUSPENSION_LONG';
  const expectedDays = rng.int(5, 15);
  const actual = irregular ? expectedDays + rng.int(5, 12) : rng.int(Math.max(1, expectedDays - 3), expectedDays);
  w.soon(10, 120);
  w.push('SUSPENDED', { reason: rng.pick(suspensionReasonsFor(stepCode)), expectedDays, noticeIssued: irregular ? rng.chance(0.6) : true }, w.cast.handler);
  w.after(actual);
  w.push('RESUMED', {}, w.cast.handler);
}

/**
 * Art. 42: +10 approved by the department head; for joint handling +15 approved by the region's
 * government head. The planted irregularity names no approver (and sometimes no reason).
 */
function extend(w: StoryWriter): void {
  const { rng } = w;
  const joint = w.input.item.kind === 'JOINT';
  const days = joint ? 15 : 10;
  const approver = joint ? w.input.department.governmentHeadId : w.cast.head;
  w.soon(10, 120);
  if (w.irregularity === 'EXTENSION_NO_APPROVER') {
    w.push('EXTENDED', rng.chance(0.5) ? { days } : { days, reason: rng.pick(EXTENSION_REASONS) }, w.cast.handler);
  } else {
    w.push('EXTENDED', { days, approvedBy: approver ?? '负责人', reason: rng.pick(EXTENSION_REASONS) }, w.cast.handler);
  }
}

function closeEarly(w: StoryWriter, ending: Ending): void {
  w.after(w.rng.int(0, 1));
  if (ending === 'WITHDRAWN') w.push('WITHDRAWN', { reason: w.rng.pick(WITHDRAW_REASONS) }, w.cast.handler);
  else if (w.irregularity === 'RETURNED_NO_REASON') w.push('RETURNED', {}, w.cast.handler);
  else w.push('RETURNED', { reason: w.rng.pick(RETURN_REASONS) }, w.cast.handler);
}

function decide(w: StoryWriter, steps: readonly PlannedStep[], denied: boolean): void {
  const { rng, cast } = w;
  const { item, itemCode } = w.input;
  if (steps.length === 0) {
    w.after(w.irregularity === 'LATE_STATUTORY' ? item.statutoryDays + rng.int(1, 8) : w.irregularity === 'LATE_PROMISED' ? item.promisedDays + 1 : 0);
  } else {
    w.soon(1, 30);
  }
  if (!denied) {
    w.push('DECIDED', { outcome: 'APPROVED' }, cast.head);
  } else if (w.irregularity === 'DENIED_NO_REASON') {
    w.push('DECIDED', { outcome: 'DENIED' }, cast.head);
    return;
  } else {
    const [reason, legalBasis] = rng.pick(DENIAL_REASONS);
    w.push('DECIDED', { outcome: 'DENIED', reason, legalBasis }, cast.head);
    return;
  }

  const issue = item.steps.find((step) => step.code === 'ISSUE');
  if (issue) {
    w.soon(5, 60);
    w.push('STEP_STARTED', { step: 'ISSUE' }, cast.window);
  }
  const delay = w.irregularity === 'CERTIFICATE_LATE' ? rng.int(11, 16) : w.immediate ? 0 : rng.int(0, Math.min(2, issue?.limitDays ?? 2));
  w.after(delay);
  const certificateNo = certificateNumber(itemCode, localDate(w.timeline.at).slice(0, 4), w.input.certificateSerial);
  w.push('CERTIFICATE_ISSUED', rng.chance(0.95) ? { certificateNo } : {}, cast.window);
  if (issue) {
    w.soon(1, 10);
    w.push('STEP_COMPLETED', { step: 'ISSUE', opinion: rng.pick(STEP_OPINIONS.ISSUE) }, cast.window);
  }
}
