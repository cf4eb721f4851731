/**
 * Case event contract v1: the facts a department's approval system sends to the centre.
 * Names are fixed; additions are allowed (new optional fields, new types).
 */
export const EVENT_TYPES = [
  'SUBMITTED',
  'CORRECTION_REQUESTED',
  'CORRECTION_SUBMITTED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'STEP_STARTED',
  'STEP_COMPLETED',
  'SUSPENDED',
  'RESUMED',
  'EXTENDED',
  'FORWARDED',
  'FEE_CHARGED',
  'DECIDED',
  'CERTIFICATE_ISSUED',
  'WITHDRAWN',
  'RETURNED',
  'VOIDED',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SUBMISSION_CHANNELS = ['WINDOW', 'ONLINE', 'MAIL'] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];

/** Procedures whose time is not counted (Administrative Licensing Law art. 45), plus OTHER. */
export const SUSPENSION_REASONS = [
  'HEARING',
  'BIDDING',
  'AUCTION',
  'INSPECTION',
  'TESTING',
  'QUARANTINE',
  'APPRAISAL',
  'EXPERT_REVIEW',
  'OTHER',
] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

export const DECISION_OUTCOMES = ['APPROVED', 'DENIED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface EventDataByType {
  SUBMITTED: { channel: SubmissionChannel; documents: string[] };
  CORRECTION_REQUESTED: { missing: string[] };
  CORRECTION_SUBMITTED: { documents: string[] };
  ACCEPTED: { documents?: string[] };
  NOT_ACCEPTED: { reason?: string; legalBasis?: string };
  STEP_STARTED: { step: string };
  STEP_COMPLETED: { step: string; opinion?: string };
  SUSPENDED: { reason: SuspensionReason; expectedDays: number; noticeIssued: boolean };
  RESUMED: Record<string, never>;
  EXTENDED: { days: number; approvedBy?: string; reason?: string };
  FORWARDED: { toDepartmentCode: string };
  FEE_CHARGED: { amountFen: number };
  DECIDED: { outcome: DecisionOutcome; reason?: string; legalBasis?: string };
  CERTIFICATE_ISSUED: { certificateNo?: string };
  WITHDRAWN: { reason?: string };
  RETURNED: { reason?: string };
  VOIDED: { reason?: string };
}

interface EnvelopeFields {
  /** Unique within the department; the idempotency key. */
  eventId: string;
  departmentCode: string;
  /** Unique within the department. */
  caseId: string;
  itemCode: string;
  /** When it happened in the department: ISO-8601 with an offset. */
  occurredAt: string;
  /** Increasing per case when the sender can number its events. */
  seq?: number;
  officerId?: string;
  /**
   * The applicant's query code (查询码) for the public progress lookup, on any event of the case
   * (usually SUBMITTED or ACCEPTED); the latest one sent is the one that works. Never stored: the
   * centre keeps a salted hash and strips it from the stored event.
   */
  queryCode?: string;
}

/** One event as sent: a discriminated union on `type`. */
export type CaseEventInput = {
  [T in EventType]: EnvelopeFields & { type: T; data: EventDataByType[T] };
}[EventType];

export type CaseEventOf<T extends EventType> = Extract<CaseEventInput, { type: T }>;

/** An event as stored by the centre: the input plus when the centre received it. */
export type StoredCaseEvent = CaseEventInput & { receivedAt: string };

export const INGEST_LIMITS = {
  maxEventsPerBatch: 1000,
  maxBodyBytes: 1024 * 1024,
} as const;
