import { http, type Query } from '../../api/http';
import type { Page } from '../../api/console-types';

/** Shapes as the API answers them (apps/api/src/accountability/clues/…). */
export interface AccountabilityBody {
  code: string;
  name: string;
  kind: string;
}

export interface BodyReport {
  id: string;
  bodyCode: string;
  kind: string;
  referenceNo: string;
  title: string;
  issuedOn: string;
  summary: string;
  departmentCodes: string[];
  clues?: Clue[];
}

export interface ClueDelivery {
  id: string;
  clueId: string;
  bodyCode: string;
  bodyName?: string;
  kind: 'FEEDBACK' | 'COPY' | 'REFERRAL';
  contentSummary: string;
  sentAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  reply: string | null;
  clueSubject?: string;
  clueChannel?: string;
  sourceReferenceNo?: string;
}

export interface Clue {
  id: string;
  channel: string;
  subject: string;
  detail: string;
  sourceBodyCode: string | null;
  bodyReportId: string | null;
  sourceReferenceNo: string;
  sourceTitle: string;
  sourceDate: string;
  sourceText: string | null;
  sourceFileRef: string | null;
  departmentCodes: string[];
  officerIds: string[];
  caseRefs: { departmentCode: string; caseId: string }[];
  alertIds: string[];
  complaintId: string | null;
  state: 'REGISTERED' | 'INVESTIGATING' | 'CONCLUDED';
  registeredAt: string;
  registeredBy: string;
  assignee: string | null;
  assignedAt: string | null;
  dueOn: string | null;
  outcome: 'SUBSTANTIATED' | 'UNSUBSTANTIATED' | 'REFERRED' | null;
  conclusion: string | null;
  concludedAt: string | null;
  concludedBy: string | null;
  referredToBodyCode: string | null;
  registerEntryId: string | null;
  overdue: boolean;
  overdueAlertId: string | null;
  deliveries?: ClueDelivery[];
}

const enc = encodeURIComponent;

export const cluesApi = {
  clues: (query: Query) => http.get<Page<Clue>>('/api/v1/clues', query),
  clue: (id: string) => http.get<Clue>(`/api/v1/clues/${enc(id)}`),
  registerClue: (body: unknown) => http.post<Clue>('/api/v1/clues', body),
  assign: (id: string, body: unknown) => http.post<Clue>(`/api/v1/clues/${enc(id)}/assign`, body),
  conclude: (id: string, body: unknown) => http.post<Clue>(`/api/v1/clues/${enc(id)}/conclude`, body),

  reports: (query: Query) => http.get<Page<BodyReport>>('/api/v1/body-reports', query),
  report: (id: string) => http.get<BodyReport>(`/api/v1/body-reports/${enc(id)}`),
  registerReport: (body: unknown) => http.post<BodyReport>('/api/v1/body-reports', body),

  bodies: () => http.get<AccountabilityBody[]>('/api/v1/accountability-bodies'),
  putBody: (code: string, body: unknown) => http.put<AccountabilityBody>(`/api/v1/accountability-bodies/${enc(code)}`, body),

  deliveries: (query: Query) => http.get<Page<ClueDelivery>>('/api/v1/clue-deliveries', query),
  acknowledge: (id: string, body: unknown) => http.post<ClueDelivery>(`/api/v1/clue-deliveries/${enc(id)}/acknowledge`, body),

  departments: () => http.get<{ code: string; name: string }[]>('/api/v1/departments'),
  officers: (departmentCode?: string) => http.get<{ id: string; name: string; departmentCode: string }[]>('/api/v1/officers', { departmentCode }),
};
