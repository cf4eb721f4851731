import type { WallCardLevel } from '@app/contracts/realtime/wall';
import type { DepartmentState } from '../state/department-state';

export type WallLang = 'zh' | 'en';

export interface WallMessages {
  title: string;
  subtitle: string;
  kpi: { acceptedToday: string; completedToday: string; inProgress: string; overdue: string; openYellow: string; openRed: string; onTimeRate: string };
  notMeasured: string;
  panels: { ranking: string; tiles: string; regions: string; feed: string; trend: string; rules: string; regionCompare: string };
  series: { accepted: string; completed: string; overdue: string; inProgress: string; onTime: string };
  levels: Record<WallCardLevel | 'NONE', string>;
  states: Record<DepartmentState, string>;
  /** A tile's open-card count, and the title of the page of departments of no district. */
  tileCards: string;
  tileOnTime: string;
  noRegion: string;
  /** Aria descriptions of the charts a screen reader (and a test) reads. */
  aria: { regions: string; district: string; ranking: string };
  status: { live: string; stale: string; disconnected: string; connecting: string; unauthorized: string };
  lastUpdated: string;
  staleBanner: string;
  unauthorizedBanner: string;
  noDecisions: string;
  cardsNotMeasured: string;
  noCards: string;
  window30: string;
  caseUnit: string;
}

const zh: WallMessages = {
  title: '行政审批电子监察中心',
  subtitle: '实时监控大屏',
  kpi: { acceptedToday: '今日受理', completedToday: '今日办结', inProgress: '在办件', overdue: '超期件', openYellow: '黄牌', openRed: '红牌', onTimeRate: '按期办结率' },
  notMeasured: '规则引擎未接入',
  panels: { ranking: '部门按期办结率（由低到高）', tiles: '部门监察状态', regions: '区域态势', feed: '实时告警', trend: '近30日办件趋势', rules: '近30日告警分布', regionCompare: '各区域今日办件' },
  series: { accepted: '受理', completed: '办结', overdue: '超期', inProgress: '在办', onTime: '按期办结率' },
  levels: { NONE: '正常', PROMPT: '预警', YELLOW: '黄牌', RED: '红牌' },
  tileCards: '告警',
  tileOnTime: '按期',
  noRegion: '市直部门',
  states: { OVERDUE: '有超期件', DUE_SOON: '48小时内到期', ON_TIME: '在办均未超期', IDLE: '无在办件' },
  aria: {
    regions: '区域态势：各区域在办件、超期件和部门状态。',
    district: '{name}：受理{accepted}件，在办{inProgress}件，超期{overdue}件；有超期件的部门{overdueDepartments}个，共{departments}个部门。',
    ranking: '部门按期办结率，从低到高：',
  },
  status: { live: '实时', stale: '数据过期', disconnected: '连接中断', connecting: '连接中', unauthorized: '令牌无效' },
  lastUpdated: '数据更新于',
  staleBanner: '连接中断或数据未更新，正在自动恢复…',
  unauthorizedBanner: '大屏令牌无效或已撤销，请联系管理员',
  noDecisions: '近30日暂无办结',
  cardsNotMeasured: '告警规则引擎尚未接入\n办件数据实时更新中',
  noCards: '暂无告警',
  window30: '近30日',
  caseUnit: '件',
};

const en: WallMessages = {
  title: 'Licensing Approval Monitoring Centre',
  subtitle: 'Live wall',
  kpi: { acceptedToday: 'Accepted today', completedToday: 'Completed today', inProgress: 'In progress', overdue: 'Overdue', openYellow: 'Yellow cards', openRed: 'Red cards', onTimeRate: 'On-time rate' },
  notMeasured: 'rules not connected',
  panels: { ranking: 'On-time rate, lowest first', tiles: 'Department status', regions: 'Districts', feed: 'Live cards', trend: 'Cases, last 30 days', rules: 'Cards by rule, last 30 days', regionCompare: 'Today by district' },
  series: { accepted: 'Accepted', completed: 'Completed', overdue: 'Overdue', inProgress: 'In progress', onTime: 'On-time rate' },
  levels: { NONE: 'Normal', PROMPT: 'Prompt', YELLOW: 'Yellow', RED: 'Red' },
  tileCards: 'open cards',
  tileOnTime: 'on time',
  noRegion: 'City departments',
  states: { OVERDUE: 'Overdue cases', DUE_SOON: 'Due within 48 h', ON_TIME: 'All on time', IDLE: 'No open cases' },
  aria: {
    regions: 'Districts: cases in progress, overdue cases and department states. ',
    district: '{name}: accepted {accepted}, in progress {inProgress}, overdue {overdue}; {overdueDepartments} of {departments} departments with overdue cases. ',
    ranking: 'On-time rate by department, lowest first: ',
  },
  status: { live: 'LIVE', stale: 'STALE', disconnected: 'DISCONNECTED', connecting: 'CONNECTING', unauthorized: 'INVALID TOKEN' },
  lastUpdated: 'Updated',
  staleBanner: 'Connection lost or data not updating — recovering automatically…',
  unauthorizedBanner: 'This screen’s token is invalid or revoked — contact the administrator',
  noDecisions: 'No decisions in the last 30 days',
  cardsNotMeasured: 'Card rules not connected yet\nCase figures are live',
  noCards: 'No open cards',
  window30: 'last 30 days',
  caseUnit: '',
};

export const MESSAGES: Readonly<Record<WallLang, WallMessages>> = { zh, en };
