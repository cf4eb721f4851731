import type { Page } from './console-types';
import { http, type Query } from './http';

export type CardLevel = 'PROMPT' | 'YELLOW' | 'RED';
export type CardState = 'PENDING' | 'OPEN' | 'ACKNOWLEDGED' | 'RECTIFIED' | 'APPEALED' | 'CLOSED' | 'DISMISSED' | 'REVOKED' | 'DISCARDED';
export const CARD_STATES: readonly CardState[] = ['PENDING', 'OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED', 'CLOSED', 'DISMISSED', 'REVOKED', 'DISCARDED'];
export const ACTIVE_CARD_STATES: readonly CardState[] = ['OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED'];

/** A card as GET /alerts lists it (no evidence; the cited clock's due instant instead). */
export interface CardRow {
  id: string;
  departmentCode: string;
  caseId: string;
  itemCode: string | null;
  rule: string;
  level: CardLevel;
  state: CardState;
  responsibleOfficerId: string | null;
  raisedAt: string;
  updatedAt: string;
  closedAt: string | null;
  dueAt: string | null;
  summary: { zh: string; en: string };
}

export interface ClockExplanation {
  countedAfter: string;
  countedThrough: string;
  baseLimitWorkingDays: number;
  limitWorkingDays: number;
  skippedDays: { date: string; reason: string; holidayName?: string }[];
  suspensions: { eventId: string; reason: string; suspendedOn: string; resumedOn?: string; workingDaysNotCounted: number }[];
  extensions: { eventId: string; occurredAt: string; requestedDays: number; creditedDays: number; refusedDays: number; approvedBy?: string; refusal?: string }[];
  provisionalYears: number[];
  notes: string[];
  truncated: boolean;
}

export interface Clock {
  kind: string;
  step?: string;
  limitWorkingDays: number;
  startedOn: string;
  dueOn: string;
  dueAt: string;
  stoppedAt?: string;
  usedWorkingDays: number;
  remainingWorkingDays: number;
  suspendedWorkingDays?: number;
  state: string;
  provisional: boolean;
  explanation: ClockExplanation;
}

export interface CardTransition {
  id: number;
  at: string;
  actor: string;
  action: string;
  fromState: string | null;
  toState: string;
  fromLevel: string | null;
  toLevel: string;
  comment: string | null;
}

export interface CardDetail extends Omit<CardRow, 'dueAt'> {
  breachedAt: string;
  rulesetVersion: string;
  closeReason: string | null;
  evidence: { eventIds: string[]; clock?: Clock; facts: Record<string, unknown> };
  clockExplanation: Clock | null;
  history: CardTransition[];
}

export interface CaseEvent {
  eventId: string;
  seq?: number;
  type: string;
  occurredAt: string;
  receivedAt: string;
  officerId?: string;
  data: Record<string, unknown>;
}

export interface CaseRow {
  departmentCode: string;
  caseId: string;
  itemCode: string;
  status: string;
  isOpen: boolean;
  responsibleOfficerId: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  decidedAt: string | null;
  lastOccurredAt: string;
  promisedDueAt: string | null;
  clocksProvisional: boolean;
}

export interface CaseDetail extends CaseRow {
  clocks: Clock[];
  item: { code: string; name: string; kind: string; statutoryDays: number; promisedDays: number | null } | null;
  timeline: CaseEvent[];
}

export type CardAction = 'acknowledge' | 'rectify' | 'appeal' | 'close' | 'dismiss' | 'confirm';

/** A card raised by hand (人工发牌): POST /api/v1/alerts. */
export interface ManualCardInput {
  departmentCode: string;
  caseId?: string;
  level: CardLevel;
  reason: string;
  concerns?: string;
  responsibleOfficerId?: string;
}

export const cardsApi = {
  list: (query: Query) => http.get<Page<CardRow>>('/api/v1/alerts', query),
  get: (id: string) => http.get<CardDetail>(`/api/v1/alerts/${encodeURIComponent(id)}`),
  act: (id: string, action: CardAction, comment: string) =>
    http.post<{ id: string; state: CardState }>(`/api/v1/alerts/${encodeURIComponent(id)}/${action}`, comment.trim() ? { comment } : {}),
  /** MAINTAIN: the card stands; REVOKE: it was wrong. The written reply is required (the API says so at `reply`). */
  decideAppeal: (id: string, decision: 'MAINTAIN' | 'REVOKE', reply: string) =>
    http.post<{ id: string; state: CardState }>(`/api/v1/alerts/${encodeURIComponent(id)}/decide-appeal`, { decision, ...(reply.trim() ? { reply } : {}) }),
  /** A held card (待发) not to be issued, with the reason (the API requires it at `reason`). */
  discard: (id: string, reason: string) => http.post<{ id: string; state: CardState }>(`/api/v1/alerts/${encodeURIComponent(id)}/discard`, { reason }),
  raise: (input: ManualCardInput) => http.post<CardRow>('/api/v1/alerts', input),
  /** 批量摘牌: all or none; a 409's errors name each refused card as ids[i]. */
  batchClose: (ids: readonly string[], reason: string) =>
    http.post<{ closed: number; items: { id: string; state: 'CLOSED' }[] }>('/api/v1/alerts/batch-close', { ids, reason }),
};

/** The server's cap on one batch close (BATCH_CLOSE_MAX). */
export const BATCH_CLOSE_MAX = 200;

export const casesApi = {
  list: (query: Query) => http.get<Page<CaseRow>>('/api/v1/cases', query),
  get: (departmentCode: string, caseId: string) =>
    http.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(departmentCode)}/${encodeURIComponent(caseId)}`),
};
