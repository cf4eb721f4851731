import { http, type Query } from '../../api/http';
import type { Page } from '../../api/console-types';
import type { YearlyConsequences } from '../../../../../../libs/domain/src/reports/register-rules';

/** Shapes as the API answers them (apps/api/src/accountability/…). */
export interface RegisterEntry {
  id: string;
  kind: string;
  departmentCode: string;
  /** Null for a department's own record (subjectKind DEPARTMENT) and a proposal naming no head yet. */
  officerId: string | null;
  officerName: string | null;
  subjectKind?: 'OFFICER' | 'DEPARTMENT';
  amount?: string | null;
  alertId: string | null;
  supervisionOrderId: string | null;
  caseId: string | null;
  rule: string | null;
  severity: string | null;
  measure: string;
  directResponsibility: boolean;
  basis: string;
  decidedOn: string;
  year: number;
  decidedBy: string;
  state: 'CONFIRMED' | 'APPEALED' | 'REVOKED' | 'PROPOSED' | 'DISMISSED';
  appealReason: string | null;
  appealedAt: string | null;
  appealDecision: 'UPHELD' | 'REJECTED' | null;
  appealComment: string | null;
  createdAt: string;
  committedOn?: string;
  /** 岗位责任: the post the officer answered for and the duty breached, as recorded when the entry was made. */
  postCode?: string | null;
  postName?: string | null;
  dutyBreached?: string | null;
  proposalComment?: string | null;
}

export interface OfficerYear {
  officerId: string;
  officerName: string;
  departmentCode: string;
  year: number;
  consequences: YearlyConsequences;
  entries?: RegisterEntry[];
}

export interface SupervisionOrder {
  id: string;
  departmentCode: string;
  subject: string;
  detail: string;
  caseId: string | null;
  alertId: string | null;
  issuedAt: string;
  issuedBy: string;
  dueOn: string;
  state: 'ISSUED' | 'REPLIED' | 'CLOSED' | 'VERIFIED' | 'NOT_CARRIED_OUT' | 'REISSUED' | 'ESCALATED';
  kind?: 'SUPERVISION' | 'RECTIFY' | 'PERFORM';
  reviewDecisionRef?: string | null;
  previousOrderId?: string | null;
  reissuedOrderId?: string | null;
  headProposalId?: string | null;
  reply: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  closeComment: string | null;
  verification?: 'VERIFIED' | 'NOT_CARRIED_OUT' | null;
  verificationComment?: string | null;
  overdue?: boolean;
}

/** 岗位责任: a post of a department and who held it when (GET /api/v1/posts). */
export interface PostHolding {
  id: string;
  officerId: string;
  officerName: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface DepartmentPost {
  id: string;
  departmentCode: string;
  code: string;
  name: string;
  duties: string;
  legalBasis: string;
  itemCodes: string[];
  stepCodes: string[];
  isHead: boolean;
  holdings: PostHolding[];
}

export interface Complaint {
  id: string;
  departmentCode: string;
  caseId: string | null;
  channel: string;
  complainantName: string | null;
  complainantContact: string | null;
  subject: string;
  content: string;
  receivedAt: string;
  acceptanceDueAt: string;
  state: 'RECEIVED' | 'ACCEPTED' | 'REFUSED' | 'ANSWERED' | 'CONCLUDED';
  refusalReason: string | null;
  handlingDueAt: string | null;
  answer: string | null;
  conclusion: string | null;
  substantiated: boolean | null;
}

const enc = encodeURIComponent;

export const accountabilityApi = {
  entries: (query: Query) => http.get<Page<RegisterEntry>>('/api/v1/register/entries', query),
  recordFault: (body: unknown) => http.post<RegisterEntry>('/api/v1/register/faults', body),
  recordEntry: (body: unknown) => http.post<RegisterEntry>('/api/v1/register/entries', body),
  appeal: (id: string, body: unknown) => http.post<RegisterEntry>(`/api/v1/register/entries/${enc(id)}/appeal`, body),
  decideAppeal: (id: string, body: unknown) => http.post<RegisterEntry>(`/api/v1/register/entries/${enc(id)}/decide-appeal`, body),
  recordDepartmentEntry: (body: unknown) => http.post<RegisterEntry>('/api/v1/register/department-entries', body),
  confirmProposal: (id: string, body: unknown) => http.post<RegisterEntry>(`/api/v1/register/entries/${enc(id)}/confirm-proposal`, body),
  dismissProposal: (id: string, body: unknown) => http.post<RegisterEntry>(`/api/v1/register/entries/${enc(id)}/dismiss-proposal`, body),
  officerYear: (officerId: string, year: number) => http.get<OfficerYear & { entries: RegisterEntry[] }>(`/api/v1/register/officers/${enc(officerId)}/years/${year}`),
  year: (year: number, departmentCode?: string) => http.get<{ year: number; officers: OfficerYear[] }>(`/api/v1/register/years/${year}`, { departmentCode }),

  orders: (query: Query) => http.get<Page<SupervisionOrder>>('/api/v1/supervision-orders', query),
  issueOrder: (body: unknown) => http.post<SupervisionOrder>('/api/v1/supervision-orders', body),
  replyOrder: (id: string, body: unknown) => http.post<SupervisionOrder>(`/api/v1/supervision-orders/${enc(id)}/reply`, body),
  closeOrder: (id: string, body: unknown) => http.post<SupervisionOrder>(`/api/v1/supervision-orders/${enc(id)}/close`, body),
  verifyOrder: (id: string, body: unknown) => http.post<SupervisionOrder>(`/api/v1/supervision-orders/${enc(id)}/verify`, body),
  reissueOrder: (id: string, body: unknown) => http.post<SupervisionOrder>(`/api/v1/supervision-orders/${enc(id)}/reissue`, body),
  escalateOrder: (id: string, body: unknown) => http.post<{ order: SupervisionOrder; proposal: RegisterEntry }>(`/api/v1/supervision-orders/${enc(id)}/escalate`, body),

  posts: (departmentCode?: string) => http.get<DepartmentPost[]>('/api/v1/posts', { departmentCode }),
  createPost: (body: unknown) => http.post<DepartmentPost>('/api/v1/posts', body),
  updatePost: (id: string, body: unknown) => http.put<DepartmentPost>(`/api/v1/posts/${enc(id)}`, body),
  deletePost: (id: string) => http.delete<void>(`/api/v1/posts/${enc(id)}`),
  addHolding: (id: string, body: unknown) => http.post<DepartmentPost>(`/api/v1/posts/${enc(id)}/holdings`, body),
  endHolding: (id: string, holdingId: string, body: unknown) => http.post<DepartmentPost>(`/api/v1/posts/${enc(id)}/holdings/${enc(holdingId)}/end`, body),
  importPosts: (body: { format: 'xlsx' | 'csv'; contentBase64: string }) => http.post<unknown>('/api/v1/posts/import', body),

  complaints: (query: Query) => http.get<Page<Complaint>>('/api/v1/complaints', query),
  registerComplaint: (body: unknown) => http.post<Complaint>('/api/v1/complaints', body),
  acceptComplaint: (id: string) => http.post<Complaint>(`/api/v1/complaints/${enc(id)}/accept`),
  refuseComplaint: (id: string, body: unknown) => http.post<Complaint>(`/api/v1/complaints/${enc(id)}/refuse`, body),
  answerComplaint: (id: string, body: unknown) => http.post<Complaint>(`/api/v1/complaints/${enc(id)}/answer`, body),
  concludeComplaint: (id: string, body: unknown) => http.post<Complaint>(`/api/v1/complaints/${enc(id)}/conclude`, body),

  departments: () => http.get<{ code: string; name: string }[]>('/api/v1/departments'),
  officers: (departmentCode?: string) => http.get<{ id: string; name: string; departmentCode: string }[]>('/api/v1/officers', { departmentCode }),
};

export const COMPLAINT_CHANNELS = ['WEB', 'PHONE', 'HOTLINE', 'LETTER', 'VISIT', 'FORWARDED'] as const;
