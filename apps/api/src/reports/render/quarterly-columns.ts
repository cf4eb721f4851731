import { QuarterlyRow } from '../quarterly/quarterly-pack';
import { gradeName, Lang, ValueFormat } from './report-labels';

export interface RankingColumn {
  key: string;
  zh: string;
  en: string;
  format: ValueFormat | 'text';
  value(row: QuarterlyRow, lang: Lang): string | number | null;
}

/** The ranking table of the joint meeting, shared by its CSV, XLSX and HTML. */
export const RANKING_COLUMNS: readonly RankingColumn[] = [
  { key: 'rank', zh: '名次', en: 'Rank', format: 'count', value: (r) => r.rank },
  { key: 'departmentCode', zh: '部门代码', en: 'Code', format: 'text', value: (r) => r.departmentCode },
  { key: 'departmentName', zh: '部门', en: 'Department', format: 'text', value: (r) => r.departmentName },
  { key: 'score', zh: '得分', en: 'Score', format: 'days', value: (r) => r.score.score },
  { key: 'grade', zh: '等次', en: 'Grade', format: 'text', value: (r, lang) => gradeName(r.score.grade, lang) },
  { key: 'accepted', zh: '受理件数', en: 'Accepted', format: 'count', value: (r) => r.metrics.accepted },
  { key: 'completed', zh: '办结件数', en: 'Completed', format: 'count', value: (r) => r.metrics.completed },
  { key: 'onTimeRate', zh: '按期办结率', en: 'On-time rate', format: 'rate', value: (r) => r.metrics.onTime.rate },
  { key: 'statutoryOverdue', zh: '超法定时限件数', en: 'Over statutory limit', format: 'count', value: (r) => r.metrics.overdue.statutory.count },
  { key: 'yellowCards', zh: '黄牌', en: 'Yellow cards', format: 'count', value: (r) => r.metrics.cards.byLevel.YELLOW ?? 0 },
  { key: 'redCards', zh: '红牌', en: 'Red cards', format: 'count', value: (r) => r.metrics.cards.byLevel.RED ?? 0 },
  { key: 'rectifiedOnTimeRate', zh: '按期整改率', en: 'Rectified on time', format: 'rate', value: (r) => r.metrics.cards.rectifiedOnTimeRate },
  { key: 'ordersOverdue', zh: '督办逾期', en: 'Orders overdue', format: 'count', value: (r) => r.metrics.supervisionOrders.overdue },
  { key: 'complaintsOverdue', zh: '投诉超期', en: 'Complaints overdue', format: 'count', value: (r) => r.metrics.complaints.overdue },
  { key: 'faults', zh: '过错', en: 'Faults', format: 'count', value: (r) => r.metrics.faults.total },
  // Packs stored before department sanctions existed carry none.
  { key: 'circulatedCriticism', zh: '部门通报批评', en: 'Department criticised', format: 'count', value: (r) => r.metrics.departmentSanctions?.circulatedCriticism ?? 0 },
  { key: 'departmentWarning', zh: '部门警告', en: 'Department warned', format: 'count', value: (r) => r.metrics.departmentSanctions?.warning ?? 0 },
];
