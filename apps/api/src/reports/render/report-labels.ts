import { CARD_RULE_NAMES } from '@app/contracts';
import { ComplianceMetrics, GRADE_NAMES, REGISTER_NAMES } from '@app/domain/reports';

export type Lang = 'zh' | 'en';
export type ValueFormat = 'count' | 'rate' | 'days';

export interface MetricRow {
  key: string;
  zh: string;
  en: string;
  format: ValueFormat;
  value(m: ComplianceMetrics): number | null;
}

/** The flat list of a compliance report's figures, in reading order: CSV, XLSX and HTML share it. */
export const METRIC_ROWS: readonly MetricRow[] = [
  { key: 'accepted', zh: '受理件数', en: 'Accepted', format: 'count', value: (m) => m.accepted },
  { key: 'completed', zh: '办结件数', en: 'Completed', format: 'count', value: (m) => m.completed },
  { key: 'terminated', zh: '终止件数（撤回、退回、作废等）', en: 'Ended without decision', format: 'count', value: (m) => m.terminated },
  { key: 'inProgressAtStart', zh: '期初在办件数', en: 'In progress at start', format: 'count', value: (m) => m.inProgressAtStart },
  { key: 'inProgressAtEnd', zh: '期末在办件数', en: 'In progress at end', format: 'count', value: (m) => m.inProgressAtEnd },
  { key: 'onTime.count', zh: '按期办结件数', en: 'Completed on time', format: 'count', value: (m) => m.onTime.count },
  { key: 'onTime.rate', zh: '按期办结率', en: 'On-time rate', format: 'rate', value: (m) => m.onTime.rate },
  { key: 'early.count', zh: '提前办结件数', en: 'Completed early', format: 'count', value: (m) => m.early.count },
  { key: 'early.rate', zh: '提前办结率', en: 'Early-completion rate', format: 'rate', value: (m) => m.early.rate },
  { key: 'overdue.promised.count', zh: '超承诺时限件数', en: 'Over the promised limit', format: 'count', value: (m) => m.overdue.promised.count },
  { key: 'overdue.promised.rate', zh: '超承诺时限率', en: 'Over-promised-limit rate', format: 'rate', value: (m) => m.overdue.promised.rate },
  { key: 'overdue.statutory.count', zh: '超法定时限件数', en: 'Over the statutory limit', format: 'count', value: (m) => m.overdue.statutory.count },
  { key: 'overdue.statutory.rate', zh: '超法定时限率', en: 'Over-statutory-limit rate', format: 'rate', value: (m) => m.overdue.statutory.rate },
  { key: 'workingDays.averageUsed', zh: '平均办理用时（工作日）', en: 'Average working days used', format: 'days', value: (m) => m.workingDays.averageUsed },
  { key: 'workingDays.averagePromisedLimit', zh: '平均承诺时限（工作日）', en: 'Average promised limit (working days)', format: 'days', value: (m) => m.workingDays.averagePromisedLimit },
  { key: 'workingDays.averageStatutoryLimit', zh: '平均法定时限（工作日）', en: 'Average statutory limit (working days)', format: 'days', value: (m) => m.workingDays.averageStatutoryLimit },
  { key: 'promisedLimitCompression.rate', zh: '承诺时限压缩率', en: 'Promised-limit compression', format: 'rate', value: (m) => m.promisedLimitCompression.rate },
  { key: 'timeliness.promised.early.count', zh: '提前办结件数（承诺时限）', en: 'Completed early — promised limit', format: 'count', value: (m) => m.timeliness.promised.early.count },
  { key: 'timeliness.promised.early.rate', zh: '提前办结率（承诺时限）', en: 'Completed early rate — promised limit', format: 'rate', value: (m) => m.timeliness.promised.early.rate },
  { key: 'timeliness.promised.onTime.count', zh: '按时办结（未提前）件数（承诺时限）', en: 'Completed on time (not early) — promised limit', format: 'count', value: (m) => m.timeliness.promised.onTime.count },
  { key: 'timeliness.promised.onTime.rate', zh: '按时办结率（承诺时限）', en: 'Completed on time rate — promised limit', format: 'rate', value: (m) => m.timeliness.promised.onTime.rate },
  { key: 'timeliness.promised.late.count', zh: '超期办结件数（承诺时限）', en: 'Completed late — promised limit', format: 'count', value: (m) => m.timeliness.promised.late.count },
  { key: 'timeliness.promised.late.rate', zh: '超期办结率（承诺时限）', en: 'Completed late rate — promised limit', format: 'rate', value: (m) => m.timeliness.promised.late.rate },
  { key: 'timeliness.statutory.early.count', zh: '提前办结件数（法定时限）', en: 'Completed early — statutory limit', format: 'count', value: (m) => m.timeliness.statutory.early.count },
  { key: 'timeliness.statutory.early.rate', zh: '提前办结率（法定时限）', en: 'Completed early rate — statutory limit', format: 'rate', value: (m) => m.timeliness.statutory.early.rate },
  { key: 'timeliness.statutory.onTime.count', zh: '按时办结（未提前）件数（法定时限）', en: 'Completed on time (not early) — statutory limit', format: 'count', value: (m) => m.timeliness.statutory.onTime.count },
  { key: 'timeliness.statutory.onTime.rate', zh: '按时办结率（法定时限）', en: 'Completed on time rate — statutory limit', format: 'rate', value: (m) => m.timeliness.statutory.onTime.rate },
  { key: 'timeliness.statutory.late.count', zh: '超期办结件数（法定时限）', en: 'Completed late — statutory limit', format: 'count', value: (m) => m.timeliness.statutory.late.count },
  { key: 'timeliness.statutory.late.rate', zh: '超期办结率（法定时限）', en: 'Completed late rate — statutory limit', format: 'rate', value: (m) => m.timeliness.statutory.late.rate },
  { key: 'speedUp.promised', zh: '承诺提速率（承诺时限较法定时限）', en: 'Speed-up promised (promised vs statutory limit)', format: 'rate', value: (m) => m.speedUp.promised },
  { key: 'speedUp.actual', zh: '实际提速率（实际用时较法定时限）', en: 'Speed-up achieved (time used vs statutory limit)', format: 'rate', value: (m) => m.speedUp.actual },
  { key: 'immediate.rate', zh: '即办件占比', en: 'Immediate-item share', format: 'rate', value: (m) => m.immediate.rate },
  { key: 'submissions', zh: '收件次数', en: 'Applications received', format: 'count', value: (m) => m.submissions },
  { key: 'suspensions', zh: '特别程序次数', en: 'Suspensions', format: 'count', value: (m) => m.suspensions },
  { key: 'corrections', zh: '补正告知次数', en: 'Correction notices', format: 'count', value: (m) => m.corrections },
  { key: 'reporting.timelyRate', zh: '数据报送及时率', en: 'Reporting timeliness', format: 'rate', value: (m) => m.reporting.timelyRate },
  { key: 'reporting.late', zh: '迟报事件数', en: 'Events reported late', format: 'count', value: (m) => m.reporting.late },
  { key: 'cards.total', zh: '预警纠错总数', en: 'Cards', format: 'count', value: (m) => m.cards.total },
  { key: 'cards.PROMPT', zh: '预警提示', en: 'Prompts', format: 'count', value: (m) => m.cards.byLevel.PROMPT ?? 0 },
  { key: 'cards.YELLOW', zh: '黄牌', en: 'Yellow cards', format: 'count', value: (m) => m.cards.byLevel.YELLOW ?? 0 },
  { key: 'cards.RED', zh: '红牌', en: 'Red cards', format: 'count', value: (m) => m.cards.byLevel.RED ?? 0 },
  { key: 'cards.rectifiedOnTimeRate', zh: '按期整改率', en: 'Rectified on time', format: 'rate', value: (m) => m.cards.rectifiedOnTimeRate },
  { key: 'cards.revoked', zh: '申诉撤销数（不计入违规）', en: 'Revoked on appeal (not breaches)', format: 'count', value: (m) => m.cards.revoked },
  { key: 'complaints.received', zh: '受理投诉件数', en: 'Complaints received', format: 'count', value: (m) => m.complaints.received },
  { key: 'complaints.overdue', zh: '投诉超期件数', en: 'Complaints overdue', format: 'count', value: (m) => m.complaints.overdue },
  { key: 'supervisionOrders.issued', zh: '督办件数', en: 'Supervision orders', format: 'count', value: (m) => m.supervisionOrders.issued },
  { key: 'supervisionOrders.overdue', zh: '督办逾期件数', en: 'Supervision orders overdue', format: 'count', value: (m) => m.supervisionOrders.overdue },
  { key: 'faults.total', zh: '记录过错数', en: 'Faults recorded', format: 'count', value: (m) => m.faults.total },
];

const TEXT = {
  departmentTitle: { zh: '行政审批合规报告', en: 'Licensing compliance report' },
  quarterlyTitle: { zh: '季度联席会议通报', en: 'Quarterly joint-meeting report' },
  period: { zh: '统计期间', en: 'Period' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  metric: { zh: '指标', en: 'Metric' },
  value: { zh: '数值', en: 'Value' },
  day: { zh: '日期', en: 'Day' },
  rule: { zh: '预警类型', en: 'Rule' },
  total: { zh: '合计', en: 'Total' },
  department: { zh: '部门', en: 'Department' },
  rank: { zh: '名次', en: 'Rank' },
  score: { zh: '得分', en: 'Score' },
  grade: { zh: '等次', en: 'Grade' },
  notRated: { zh: '“—”：本季没有可评分的数据，未评定等次，不参加排名。', en: '“—”: no figures to grade this quarter; not rated, not ranked.' },
  cases: { zh: '办件情况', en: 'Cases' },
  timeliness: { zh: '办理时效', en: 'Timeliness' },
  timelinessSplit: { zh: '提前 / 按时 / 超期与提速率', en: 'Early / on time / late and speed-up' },
  cards: { zh: '预警纠错', en: 'Cards' },
  oversight: { zh: '投诉、督办与过错', en: 'Complaints, supervision orders and faults' },
  reporting: { zh: '数据报送', en: 'Reporting' },
  departments: { zh: '各部门情况', en: 'Departments' },
  dailyChart: { zh: '每日受理与办结', en: 'Accepted and completed per day' },
  levelChart: { zh: '预警等级分布', en: 'Cards by level' },
  scoreChart: { zh: '部门得分', en: 'Department scores' },
  orders: { zh: '本季度督办事项', en: 'Supervision orders this quarter' },
  faults: { zh: '本季度过错记录', en: 'Faults recorded this quarter' },
  subject: { zh: '事项', en: 'Subject' },
  issuedAt: { zh: '督办时间', en: 'Issued' },
  dueOn: { zh: '办理期限', en: 'Due' },
  state: { zh: '状态', en: 'State' },
  overdue: { zh: '逾期', en: 'Overdue' },
  officer: { zh: '责任人', en: 'Officer' },
  severity: { zh: '情节', en: 'Severity' },
  measure: { zh: '处理措施', en: 'Measure' },
  decidedOn: { zh: '决定日期', en: 'Decided' },
  committedOn: { zh: '发生日期', en: 'Committed' },
  warningTalks: { zh: '警醒谈话未全覆盖的部门', en: 'Departments below full warning-talk coverage' },
  officers: { zh: '工作人员', en: 'Officers' },
  talkedTo: { zh: '已谈话', en: 'Talked to' },
  coverage: { zh: '覆盖率', en: 'Coverage' },
  none: { zh: '无', en: 'None' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  definitions: {
    zh: '口径说明：按期办结率 = 承诺时限内办结件数 ÷ 办结件数；超期件数 = 期内超时办结件数 + 期末超时未办结件数，超期率以（办结 + 期末在办）为基数；承诺时限压缩率 = Σ(法定时限 − 承诺时限) ÷ Σ法定时限；时限均以工作日计（扣除法定节假日及特别程序时间）。',
    en: 'Definitions: on-time rate = completed within the promised limit ÷ completed; overdue = completed late in the period + open past the limit at its end, rated over (completed + in progress at the end); compression = Σ(statutory − promised) ÷ Σ statutory; limits in working days (holidays and suspensions not counted).',
  },
} as const;

export type TextKey = keyof typeof TEXT;

export const t = (key: TextKey, lang: Lang): string => TEXT[key][lang];

const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  PROMPT: { zh: '预警提示', en: 'Prompt' },
  YELLOW: { zh: '黄牌', en: 'Yellow card' },
  RED: { zh: '红牌', en: 'Red card' },
};

export const levelName = (level: string, lang: Lang): string => LEVEL_NAMES[level]?.[lang] ?? level;

export function ruleName(rule: string, lang: Lang): string {
  const names = (CARD_RULE_NAMES as Record<string, { zh: string; en: string }>)[rule];
  return names?.[lang] ?? rule;
}

export const gradeName = (grade: string | null, lang: Lang): string =>
  grade === null ? '—' : (GRADE_NAMES as Record<string, { zh: string; en: string }>)[grade]?.[lang] ?? grade;

export const registerName = (code: string | null, lang: Lang): string => (code === null ? '' : REGISTER_NAMES[code]?.[lang] ?? code);

/** A figure as text: counts as integers, rates as percentages, days with one decimal; — for none. */
export function formatValue(value: number | null, format: ValueFormat): string {
  if (value === null) return '—';
  if (format === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (format === 'days') return value.toFixed(1);
  return String(value);
}
