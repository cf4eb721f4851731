/** Where a case stands, derived from its ordered event history. */
export const CASE_STATUSES = [
  'RECEIVED',
  'AWAITING_CORRECTION',
  'ACCEPTED',
  'IN_PROGRESS',
  'SUSPENDED',
  'FORWARDED',
  'APPROVED',
  'DENIED',
  'COMPLETED',
  'NOT_ACCEPTED',
  'WITHDRAWN',
  'RETURNED',
  'VOIDED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses after which nothing more is expected of the department. */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = [
  'DENIED',
  'COMPLETED',
  'NOT_ACCEPTED',
  'WITHDRAWN',
  'RETURNED',
  'VOIDED',
];

/** Oddities in a history that the projection notices; the rules issue turns some into cards. */
export const CASE_ANOMALIES = ['EVENT_AFTER_CLOSE', 'ITEM_CODE_CHANGED', 'DECIDED_BEFORE_ACCEPTED', 'NO_SUBMISSION'] as const;
export type CaseAnomaly = (typeof CASE_ANOMALIES)[number];

export interface CaseSnapshot {
  departmentCode: string;
  caseId: string;
  itemCode: string;
  status: CaseStatus;
  open: boolean;
  currentStep: string | null;
  responsibleOfficerId: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  decidedAt: string | null;
  outcome: 'APPROVED' | 'DENIED' | null;
  certificateIssuedAt: string | null;
  closedAt: string | null;
  suspended: boolean;
  eventCount: number;
  firstOccurredAt: string;
  lastOccurredAt: string;
  anomalies: CaseAnomaly[];
}
