import type { DepartmentInput, DisplayInput, ItemInput, OfficerInput, RegionInput, UserInput, UserRole } from '@app/contracts';
import { http, type Query } from '../../api/http';
import type { Page } from '../../api/console-types';

/** Typed calls of the administration pages; shapes are what the API answers (apps/api/src/…). */
export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
}
export interface Department {
  code: string;
  name: string;
  regionCode: string | null;
  contact: DepartmentInput['contact'] | null;
}
export interface Officer {
  id: string;
  name: string;
  departmentCode: string;
  supervisorId: string | null;
}
export interface Item extends Omit<ItemInput, 'thresholds'> {
  code: string;
  thresholds?: Record<string, unknown> | null;
}
export interface DepartmentKey {
  id: string;
  departmentCode: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}
export interface IssuedKey {
  id: string;
  departmentCode: string;
  key: string;
  createdAt: string;
}
export interface UserView {
  username: string;
  role: UserRole;
  displayName: string | null;
  departmentCode: string | null;
  regionCode: string | null;
  officerId: string | null;
  /** body_liaison: the body it answers for. */
  bodyCode?: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}
export interface DisplayView {
  id: string;
  name: string;
  regionCode: string | null;
  departmentCode: string | null;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}
export interface CalendarYear {
  year: number;
  published: boolean;
  source: 'bundled' | 'loaded';
  loadedAt: string | null;
  loadedBy: string | null;
}
export interface CalendarWarning {
  code: string;
  year: number;
  message: string;
}
export interface AuditEntry {
  seq: number;
  at: string;
  actorKind: string;
  actorId: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  hash?: string;
}
export interface AuditVerification {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  firstBroken: { seq: number; reason: string } | null;
}

const enc = encodeURIComponent;

export const adminApi = {
  regions: () => http.get<Region[]>('/api/v1/regions'),
  putRegion: (code: string, body: unknown) => http.put<Region>(`/api/v1/regions/${enc(code)}`, body),
  departments: () => http.get<Department[]>('/api/v1/departments'),
  putDepartment: (code: string, body: unknown) => http.put<Department>(`/api/v1/departments/${enc(code)}`, body),
  officers: (departmentCode?: string) => http.get<Officer[]>('/api/v1/officers', { departmentCode }),
  putOfficer: (id: string, body: unknown) => http.put<Officer>(`/api/v1/officers/${enc(id)}`, body),
  items: (departmentCode?: string) => http.get<Item[]>('/api/v1/items', { departmentCode }),
  putItem: (code: string, body: unknown) => http.put<Item>(`/api/v1/items/${enc(code)}`, body),

  keys: (departmentCode: string) => http.get<DepartmentKey[]>(`/api/v1/departments/${enc(departmentCode)}/keys`),
  issueKey: (departmentCode: string, label: string) => http.post<IssuedKey>(`/api/v1/departments/${enc(departmentCode)}/keys`, label ? { label } : {}),
  revokeKey: (departmentCode: string, id: string) => http.delete<void>(`/api/v1/departments/${enc(departmentCode)}/keys/${enc(id)}`),

  users: () => http.get<UserView[]>('/api/v1/users'),
  putUser: (username: string, body: unknown) => http.put<UserView>(`/api/v1/users/${enc(username)}`, body),

  displays: () => http.get<DisplayView[]>('/api/v1/displays'),
  issueDisplay: (body: unknown) => http.post<DisplayView & { token: string }>('/api/v1/displays', body),
  revokeDisplay: (id: string) => http.delete<void>(`/api/v1/displays/${enc(id)}`),

  calendars: () => http.get<{ years: CalendarYear[]; warnings: CalendarWarning[] }>('/api/v1/calendars'),
  putCalendar: (year: number, file: unknown) => http.put<CalendarYear & { recompute: string }>(`/api/v1/calendars/${year}`, file),

  audit: (query: Query) => http.get<Page<AuditEntry>>('/api/v1/audit', query),
  verifyAudit: () => http.get<AuditVerification>('/api/v1/audit/verify'),
};

export type { DepartmentInput, DisplayInput, ItemInput, OfficerInput, RegionInput, UserInput };
