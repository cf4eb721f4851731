import { ItemInput } from '@app/contracts';
import { Rng } from './prng';

/**
 * The irregular stories the simulator can tell. Each simulated case has at most one, recorded as
 * ground truth so rule tests can compare what was detected with what was planted.
 */
export const IRREGULARITY_KINDS = [
  'LATE_PROMISED',
  'LATE_STATUTORY',
  'STEP_SKIPPED',
  'DECIDED_WITHOUT_STEPS',
  'FEE_IRREGULAR',
  'CORRECTION_REPEATED',
  'CORRECTION_LATE',
  'DOCUMENTS_MISSING',
  'SUSPENSION_LONG',
  'EXTENSION_NO_APPROVER',
  'FORWARD_LATE',
  'DENIED_NO_REASON',
  'NOT_ACCEPTED_NO_REASON',
  'RETURNED_NO_REASON',
  'CERTIFICATE_LATE',
  'BACKDATED_BURST',
] as const;
export type IrregularityKind = (typeof IRREGULARITY_KINDS)[number];

/** The rule codes of the domain's rule catalogue each planted irregularity should raise (once due). */
export const EXPECTED_RULES: Record<IrregularityKind, readonly string[]> = {
  LATE_PROMISED: ['PROMISED_OVERDUE'],
  LATE_STATUTORY: ['STATUTORY_OVERDUE'],
  STEP_SKIPPED: ['STEP_SKIPPED'],
  DECIDED_WITHOUT_STEPS: ['OFFLINE_HANDLING', 'STEP_SKIPPED'],
  FEE_IRREGULAR: ['FEE_IRREGULAR'],
  CORRECTION_REPEATED: ['CORRECTION_REPEATED'],
  CORRECTION_LATE: ['CORRECTION_LATE'],
  DOCUMENTS_MISSING: ['DOCUMENTS_MISSING'],
  SUSPENSION_LONG: ['SUSPENSION_IRREGULAR'],
  EXTENSION_NO_APPROVER: ['EXTENSION_IRREGULAR'],
  FORWARD_LATE: ['FORWARD_LATE'],
  DENIED_NO_REASON: ['DENIED_NO_REASON'],
  NOT_ACCEPTED_NO_REASON: ['NOT_ACCEPTED_NO_REASON'],
  RETURNED_NO_REASON: ['RETURN_VOID_NO_REASON'],
  CERTIFICATE_LATE: ['CERTIFICATE_LATE'],
  BACKDATED_BURST: ['LATE_REPORTING', 'OFFLINE_HANDLING'],
};

/**
 * Irregularities whose point is timing. Their events are never pulled forward by the live feed,
 * which would otherwise shorten the planted delay.
 */
export const TIME_SENSITIVE: ReadonlySet<IrregularityKind> = new Set<IrregularityKind>([
  'LATE_PROMISED',
  'LATE_STATUTORY',
  'CORRECTION_LATE',
  'SUSPENSION_LONG',
  'FORWARD_LATE',
  'CERTIFICATE_LATE',
  'BACKDATED_BURST',
]);

const WEIGHTS: Record<IrregularityKind, number> = {
  LATE_PROMISED: 3,
  LATE_STATUTORY: 2,
  STEP_SKIPPED: 2,
  DECIDED_WITHOUT_STEPS: 0.5,
  FEE_IRREGULAR: 1.5,
  CORRECTION_REPEATED: 1.5,
  CORRECTION_LATE: 1,
  DOCUMENTS_MISSING: 1,
  SUSPENSION_LONG: 1,
  EXTENSION_NO_APPROVER: 1,
  FORWARD_LATE: 1.5,
  DENIED_NO_REASON: 1,
  NOT_ACCEPTED_NO_REASON: 1,
  RETURNED_NO_REASON: 0.5,
  CERTIFICATE_LATE: 1.5,
  BACKDATED_BURST: 1,
};

/** Whether the kind can be told for this item (some need steps, documents or a forwarding). */
export function applicable(kind: IrregularityKind, item: ItemInput): boolean {
  const immediate = item.kind === 'IMMEDIATE';
  switch (kind) {
    case 'FORWARD_LATE':
      return item.kind === 'FORWARDED';
    case 'STEP_SKIPPED':
      return item.steps.some((step) => step.mandatory && step.code !== 'ACCEPT' && step.code !== 'ISSUE');
    case 'CORRECTION_REPEATED':
    case 'CORRECTION_LATE':
    case 'DOCUMENTS_MISSING':
      return !immediate && item.requiredDocuments.length >= 2;
    case 'SUSPENSION_LONG':
    case 'EXTENSION_NO_APPROVER':
      return !immediate;
    case 'LATE_PROMISED':
    case 'LATE_STATUTORY':
    case 'DECIDED_WITHOUT_STEPS':
    case 'FEE_IRREGULAR':
    case 'DENIED_NO_REASON':
    case 'NOT_ACCEPTED_NO_REASON':
    case 'RETURNED_NO_REASON':
    case 'CERTIFICATE_LATE':
    case 'BACKDATED_BURST':
      return true;
  }
}

export function pickIrregularity(rng: Rng, item: ItemInput): IrregularityKind {
  return rng.weighted(IRREGULARITY_KINDS.filter((kind) => applicable(kind, item)).map((kind) => [kind, WEIGHTS[kind]] as const));
}
