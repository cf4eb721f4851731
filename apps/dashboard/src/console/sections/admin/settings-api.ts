import { http, type Query } from '../../api/http';
import type { Page } from '../../api/console-types';

export const DELIVERY_STATUSES = ['PENDING', 'QUEUED', 'SENDING', 'RETRY', 'SENT', 'DEAD', 'CANCELLED'] as const;

export interface Delivery {
  id: string;
  notificationId: string;
  alertId: string | null;
  departmentCode: string;
  kind: string;
  step: number;
  channel: string;
  recipient: string;
  target: string;
  status: string;
  attempts: number;
  dueAt: string;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface DeliveryAttempt {
  attempt: number;
  at: string;
  channel: string;
  target: string;
  status: string;
  httpStatus: number | null;
  error: string | null;
  durationMs: number | null;
}

export type RuleParameters = Record<string, unknown>;
export interface RuleSettingsView {
  rulesetVersion: string;
  defaults: Record<string, RuleParameters>;
  overrides: Record<string, RuleParameters>;
  effective: Record<string, RuleParameters>;
}
/** POST /rule-settings/dry-run: the cards the last 30 days would have raised, now and with the change. */
export interface DryRunAnswer {
  window: { from: string; to: string; days: number };
  truncated: boolean;
  casesEvaluated: number;
  totals: { current: number; proposed: number; proposedHeld: number; difference: number };
  rows: { rule: string; departmentCode: string; current: number; proposed: number; proposedHeld: number }[];
}

export interface ReportSettings {
  grading: {
    weights: Record<string, number>;
    cardWeights: { PROMPT: number; YELLOW: number; RED: number };
    deductions: { overdueSupervisionOrder: number; overdueComplaint: number; fault: number; circulatedCriticism?: number; departmentWarning?: number };
    thresholds: { excellent: number; good: number; pass: number };
  };
  complaintAcceptanceWorkingDays: number;
  complaintHandlingWorkingDays: number;
  supervisionOrderWorkingDays: number;
}

export const settingsApi = {
  deliveries: (query: Query) => http.get<Page<Delivery>>('/api/v1/notification-deliveries', query),
  delivery: (id: string) => http.get<Delivery & { attempts: DeliveryAttempt[] }>(`/api/v1/notification-deliveries/${encodeURIComponent(id)}`),
  retry: (id: string) => http.post<Delivery>(`/api/v1/notification-deliveries/${encodeURIComponent(id)}/retry`),
  ruleSettings: () => http.get<RuleSettingsView>('/api/v1/rule-settings'),
  putRuleSettings: (overrides: Record<string, RuleParameters>) => http.put<RuleSettingsView>('/api/v1/rule-settings', overrides),
  dryRunRuleSettings: (overrides: Record<string, RuleParameters>) => http.post<DryRunAnswer>('/api/v1/rule-settings/dry-run', overrides),
  reportSettings: () => http.get<ReportSettings>('/api/v1/reports/settings'),
  putReportSettings: (settings: unknown) => http.put<ReportSettings>('/api/v1/reports/settings', settings),
};
