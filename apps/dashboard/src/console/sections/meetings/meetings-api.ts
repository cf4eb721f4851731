import { http } from '../../api/http';

/** Shapes as the API answers them (apps/api/src/accountability/meetings, …/county-reports). */
export interface BodyRef {
  code: string;
  name: string;
}

export interface MeetingResolution {
  id: string;
  seq: number;
  text: string;
  ownerCode: string;
  ownerName: string;
  departmentCode: string | null;
  dueOn: string;
  state: 'OPEN' | 'DONE' | 'OVERDUE';
  doneAt: string | null;
  doneNote: string | null;
}

export interface MeetingAgenda {
  quarter: string;
  period: { from: string; to: string };
  pack: { generatedAt: string; trigger: 'quarter-end' | 'on-demand' | 'live' };
  drawnAt: string;
  overdueOrders: { id: string; departmentCode: string; kind?: string; subject: string; issuedAt: string; dueOn: string; state: string }[];
  complaints: {
    received: number;
    overdue: number;
    substantiated: number;
    previousReceived: number | null;
    trend: 'UP' | 'DOWN' | 'SAME' | null;
    byDepartment: { departmentCode: string; departmentName: string; received: number; overdue: number }[];
    open: { id: string; departmentCode: string; subject: string; state: string; receivedAt: string }[];
  };
  faults: { id: string; departmentCode: string; officerName: string; severity: string | null; measure: string; decidedOn: string; state: string }[];
  headAccountability: { id: string; departmentCode: string; officerName: string | null; measure: string; basis: string; decidedOn: string; state: string }[];
  warningTalks: { year: number; belowFullCoverage: { departmentCode: string; departmentName: string; officers: number; talkedTo: number; coverage: number | null; notYetTalkedTo: string[] }[] } | null;
  /** Clues not concluded when the agenda was drawn (absent from agendas drawn before clues existed). */
  openClues?: { id: string; channel: string; subject: string; departmentCodes: string[]; state: string; sourceReferenceNo: string; dueOn: string | null; overdue: boolean }[];
}

export interface JointMeeting {
  id: string;
  quarter: string;
  heldOn: string;
  attendees: BodyRef[];
  notes: string | null;
  agenda: MeetingAgenda;
  resolutions: MeetingResolution[];
}

export interface MeetingSummary {
  id: string;
  quarter: string;
  heldOn: string;
  resolutions: Partial<Record<MeetingResolution['state'], number>>;
}

export interface CountyReport {
  id: string;
  regionCode: string;
  period: string;
  state: 'DRAFT' | 'SUBMITTED' | 'ACKNOWLEDGED';
  dueOn: string;
  figures?: { metrics?: Record<string, unknown>; subject?: { name?: string } } & Record<string, unknown>;
  narrative: string;
  guidance: { text: string; sentAt: string; sentBy: string }[];
  createdAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export type Standing = 'SUBMITTED_ON_TIME' | 'SUBMITTED_LATE' | 'NOT_YET_DUE' | 'LATE';

export interface CountyStanding {
  period: string;
  today: string;
  dueOn: string;
  regions: { regionCode: string; regionName: string; reportId: string | null; state: CountyReport['state'] | null; dueOn: string; submittedOn: string | null; standing: Standing }[];
  late: { regionCode: string }[];
}

const enc = encodeURIComponent;
const meeting = (quarter: string) => `/api/v1/joint-meetings/${enc(quarter)}`;
const report = (id: string) => `/api/v1/county-reports/${enc(id)}`;

export const meetingsApi = {
  meetingPath: meeting,
  meetings: () => http.get<MeetingSummary[]>('/api/v1/joint-meetings'),
  meeting: (quarter: string) => http.get<JointMeeting>(meeting(quarter)),
  record: (quarter: string, body: unknown) => http.post<JointMeeting>(meeting(quarter), body),
  refreshAgenda: (quarter: string) => http.post<JointMeeting>(`${meeting(quarter)}/agenda/refresh`),
  addResolution: (quarter: string, body: unknown) => http.post<MeetingResolution>(`${meeting(quarter)}/resolutions`, body),
  resolutionDone: (quarter: string, id: string, body: unknown) => http.post<MeetingResolution>(`${meeting(quarter)}/resolutions/${enc(id)}/done`, body),
  bodies: () => http.get<(BodyRef & { kind?: string })[]>('/api/v1/accountability-bodies'),
  departments: () => http.get<BodyRef[]>('/api/v1/departments'),

  reports: (query: { period?: string; regionCode?: string } = {}) => http.get<CountyReport[]>('/api/v1/county-reports', query),
  report: (id: string) => http.get<CountyReport>(report(id)),
  draft: (body: unknown) => http.post<CountyReport>('/api/v1/county-reports', body),
  edit: (id: string, body: unknown) => http.put<CountyReport>(report(id), body),
  submit: (id: string) => http.post<CountyReport>(`${report(id)}/submit`),
  acknowledge: (id: string, body: unknown) => http.post<CountyReport>(`${report(id)}/acknowledge`, body),
  guide: (id: string, body: unknown) => http.post<CountyReport>(`${report(id)}/guidance`, body),
  standing: (period?: string) => http.get<CountyStanding>('/api/v1/county-reports/late', { period }),
  settings: () => http.get<{ dueDaysAfterPeriodEnd: number }>('/api/v1/county-reports/settings'),
  putSettings: (body: unknown) => http.put<{ dueDaysAfterPeriodEnd: number }>('/api/v1/county-reports/settings', body),
};

/** The quarter a local day falls in ('2026-12-05' → '2026Q4') and the `count` quarters up to it, newest first. */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

export function quartersUpTo(quarter: string, count: number): string[] {
  let year = Number(quarter.slice(0, 4));
  let q = Number(quarter.slice(5));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}
