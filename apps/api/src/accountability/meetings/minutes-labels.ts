import type { Lang } from '../../reports/render/report-labels';

/** The minutes' headings: zh-CN by default, English with lang=en (as the printable reports). */
const TEXT = {
  title: { zh: '行政审批电子监察联席会议纪要', en: 'Minutes of the joint meeting on licensing supervision' },
  heldOn: { zh: '会议日期', en: 'Held on' },
  period: { zh: '统计期间', en: 'Period' },
  pack: { zh: '季度报告生成时间', en: 'Quarterly pack generated' },
  attendees: { zh: '参会单位', en: 'Bodies attending' },
  code: { zh: '代码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  agenda: { zh: '一、会议议题', en: '1. Agenda' },
  overdueOrders: { zh: '（一）逾期未办结的督办事项', en: '(a) Supervision orders overdue' },
  complaints: { zh: '（二）投诉情况及趋势', en: '(b) Complaints and their trend' },
  faults: { zh: '（三）本季度记录的过错', en: '(c) Faults recorded in the quarter' },
  heads: { zh: '（四）行政首长问责', en: '(d) Department heads held accountable' },
  talks: { zh: '（五）警醒谈话覆盖情况', en: '(e) Warning-talk coverage' },
  clues: { zh: '（六）尚未办结的线索', en: '(f) Clues still open' },
  channel: { zh: '来源渠道', en: 'Channel' },
  reference: { zh: '来源文号', en: 'Source reference' },
  resolutions: { zh: '二、会议决议', en: '2. Resolutions' },
  notes: { zh: '三、会议记录', en: '3. Notes' },
  seq: { zh: '序号', en: 'No.' },
  resolution: { zh: '决议事项', en: 'Resolution' },
  owner: { zh: '责任单位', en: 'Owner' },
  department: { zh: '部门', en: 'Department' },
  dueOn: { zh: '完成期限', en: 'Due on' },
  state: { zh: '状态', en: 'State' },
  doneNote: { zh: '落实情况', en: 'Carried out' },
  subject: { zh: '事项', en: 'Subject' },
  issuedAt: { zh: '下达时间', en: 'Issued' },
  officer: { zh: '人员', en: 'Officer' },
  severity: { zh: '情节', en: 'Severity' },
  measure: { zh: '处理', en: 'Measure' },
  committedOn: { zh: '发生日期', en: 'Committed on' },
  decidedOn: { zh: '决定日期', en: 'Decided on' },
  received: { zh: '本季度收到', en: 'Received this quarter' },
  overdue: { zh: '逾期', en: 'Overdue' },
  substantiated: { zh: '属实', en: 'Substantiated' },
  previous: { zh: '上季度收到', en: 'Received last quarter' },
  trend: { zh: '趋势', en: 'Trend' },
  open: { zh: '尚未办结', en: 'Still open' },
  officers: { zh: '人员数', en: 'Officers' },
  talkedTo: { zh: '已谈话', en: 'Talked to' },
  coverage: { zh: '覆盖率', en: 'Coverage' },
  none: { zh: '无', en: 'None' },
  basis: { zh: '事由', en: 'Basis' },
} as const;

export type MinutesKey = keyof typeof TEXT;
export const m = (key: MinutesKey, lang: Lang): string => TEXT[key][lang];

const STATES: Record<string, { zh: string; en: string }> = {
  OPEN: { zh: '办理中', en: 'Open' },
  DONE: { zh: '已落实', en: 'Done' },
  OVERDUE: { zh: '逾期', en: 'Overdue' },
  UP: { zh: '上升', en: 'Up' },
  DOWN: { zh: '下降', en: 'Down' },
  SAME: { zh: '持平', en: 'Same' },
};
export const stateName = (code: string | null, lang: Lang): string => (code === null ? '—' : (STATES[code]?.[lang] ?? code));
