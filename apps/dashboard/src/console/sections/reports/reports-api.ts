import type { ComplianceMetrics } from '../../../../../../libs/domain/src/reports/compliance-metrics';
import type { DepartmentScore, GradingSettings } from '../../../../../../libs/domain/src/reports/grading';
import { http, type Query } from '../../api/http';

export type { ComplianceMetrics };

/** A compliance report as the API answers it (apps/api/src/reports/compliance-report.service.ts). */
export interface ComplianceReport {
  kind: 'department' | 'region' | 'city';
  subject: { code: string | null; name: string; departmentCount: number };
  period: { from: string; to: string };
  generatedAt: string;
  metrics: ComplianceMetrics;
  daily: { day: string; accepted: number; completed: number; terminated: number; events: number; eventsLate: number }[];
  departments: { code: string; name: string; regionCode: string | null; metrics: ComplianceMetrics }[];
}

export interface QuarterlyRow {
  rank: number | null;
  departmentCode: string;
  departmentName: string;
  regionCode: string | null;
  score: DepartmentScore;
  metrics: ComplianceMetrics;
}

export interface QuarterlyPack {
  quarter: string;
  period: { from: string; to: string };
  generatedAt: string;
  trigger: 'quarter-end' | 'on-demand' | 'live';
  grading: GradingSettings;
  rows: QuarterlyRow[];
  supervisionOrders: { id: string; departmentCode: string; subject: string; dueOn: string; state: string; overdue: boolean }[];
  faults: { id: string; departmentCode: string; officerName: string; severity: string | null; measure: string; decidedOn: string; state: string }[];
}

export interface StoredPack {
  quarter: string;
  status: string;
  generatedAt: string | null;
  requestedBy: string;
  trigger: string;
}

/** Which report: the city, one region or one department. */
export type ReportSubject = { kind: 'city' } | { kind: 'region'; code: string } | { kind: 'department'; code: string };

/** What the report is about and over which period, as the controls hold it. */
export interface ReportChoice {
  subjectKind: 'city' | 'region' | 'department';
  code: string;
  periodKind: 'quarter' | 'range';
  quarter: string;
  range: [string, string] | null;
}

/** The period: a quarter (2026Q4) or a range of local days. */
export type ReportPeriod = { quarter: string } | { from: string; to: string };

export function reportPath(subject: ReportSubject): string {
  if (subject.kind === 'city') return '/api/v1/reports/city';
  const base = subject.kind === 'region' ? '/api/v1/reports/regions/' : '/api/v1/reports/departments/';
  return base + encodeURIComponent(subject.code);
}

export const periodQuery = (period: ReportPeriod): Query => ('quarter' in period ? { quarter: period.quarter } : { from: period.from, to: period.to });

export const reportsApi = {
  report: (subject: ReportSubject, period: ReportPeriod) => http.get<ComplianceReport>(reportPath(subject), periodQuery(period)),
  packs: () => http.get<StoredPack[]>('/api/v1/reports/quarterly'),
  pack: (quarter: string, live: boolean) => http.get<QuarterlyPack>(`/api/v1/reports/quarterly/${encodeURIComponent(quarter)}`, live ? { live: 'true' } : {}),
  generate: (quarter: string) => http.post<{ quarter: string; status: string; generatedAt: string; departments: number }>(`/api/v1/reports/quarterly/${encodeURIComponent(quarter)}/generate`),
  regions: () => http.get<{ code: string; name: string }[]>('/api/v1/regions'),
  departments: () => http.get<{ code: string; name: string; regionCode: string | null }[]>('/api/v1/departments'),
};

/** The quarter a local date falls in, e.g. 2026-12-04 → 2026Q4; and the quarters before it. */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

export function previousQuarters(quarter: string, count: number): string[] {
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
