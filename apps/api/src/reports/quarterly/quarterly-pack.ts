import type { ComplianceMetrics, DepartmentScore, GradingSettings } from '@app/domain/reports';

export interface QuarterlyRow {
  rank: number | null;
  departmentCode: string;
  departmentName: string;
  regionCode: string | null;
  score: DepartmentScore;
  metrics: ComplianceMetrics;
}

export interface OrderLine {
  id: string;
  departmentCode: string;
  subject: string;
  issuedAt: string;
  dueOn: string;
  state: string;
  repliedAt: string | null;
  overdue: boolean;
}

export interface FaultLine {
  id: string;
  departmentCode: string;
  officerId: string;
  officerName: string;
  severity: string | null;
  measure: string;
  rule: string | null;
  decidedOn: string;
  state: string;
}

/** The joint meeting's pack for one quarter: every department ranked and graded, with the quarter's orders and faults. */
export interface QuarterlyPack {
  quarter: string;
  period: { from: string; to: string };
  generatedAt: string;
  trigger: 'quarter-end' | 'on-demand' | 'live';
  grading: GradingSettings;
  rows: QuarterlyRow[];
  supervisionOrders: OrderLine[];
  faults: FaultLine[];
}

/** The part of a pack a principal may see: its departments' rows (with their city-wide ranks). */
export function packForScope(pack: QuarterlyPack, visible: (departmentCode: string) => boolean): QuarterlyPack {
  return {
    ...pack,
    rows: pack.rows.filter((r) => visible(r.departmentCode)),
    supervisionOrders: pack.supervisionOrders.filter((o) => visible(o.departmentCode)),
    faults: pack.faults.filter((f) => visible(f.departmentCode)),
  };
}
