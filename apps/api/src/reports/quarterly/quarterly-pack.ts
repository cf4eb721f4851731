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
  /** SUPERVISION 督办, RECTIFY 限期整改, PERFORM 限期履行 (absent in packs stored before kinds). */
  kind?: string;
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
  /** When the fault was committed (its register year), and when it was decided (the quarter's). */
  committedOn: string;
  decidedOn: string;
  state: string;
}

/** A department whose officers have not all had this year's warning talk (警醒谈话) by the quarter's end. */
export interface TalkCoverageLine {
  departmentCode: string;
  departmentName: string;
  officers: number;
  talkedTo: number;
  coverage: number | null;
  notYetTalkedTo: string[];
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
  /** 各部门每年要对本部门工作人员进行警醒谈话: the departments below full coverage for the quarter's year. */
  warningTalks?: { year: number; belowFullCoverage: TalkCoverageLine[] };
}

/** The part of a pack a principal may see: its departments' rows (with their city-wide ranks). */
export function packForScope(pack: QuarterlyPack, visible: (departmentCode: string) => boolean): QuarterlyPack {
  return {
    ...pack,
    rows: pack.rows.filter((r) => visible(r.departmentCode)),
    supervisionOrders: pack.supervisionOrders.filter((o) => visible(o.departmentCode)),
    faults: pack.faults.filter((f) => visible(f.departmentCode)),
    ...(pack.warningTalks
      ? { warningTalks: { ...pack.warningTalks, belowFullCoverage: pack.warningTalks.belowFullCoverage.filter((d) => visible(d.departmentCode)) } }
      : {}),
  };
}
