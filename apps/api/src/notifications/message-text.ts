import { AlertLevel, CARD_RULE_NAMES, CardRuleCode } from '@app/contracts';

/**
 * What a message says, in Chinese, for each kind of delivery — pure: facts in, text out. One
 * rendering feeds every channel (e-mail text, robot markdown, webhook JSON), so they never disagree.
 */
export type CardMessageKind = 'CARD' | 'ESCALATION' | 'REMINDER';

export interface CardFacts {
  id: string;
  rule: string;
  level: AlertLevel;
  state: string;
  departmentCode: string;
  departmentName: string;
  caseId: string;
  itemCode: string | null;
  responsibleOfficerId: string | null;
  responsibleOfficerName: string | null;
  summary: { zh: string; en: string };
  /** When the card reached its level. */
  changedAt: Date;
  reason: string;
}

export interface CardLinks {
  /** The signed page of the card: acknowledges it when `acknowledge` is true. */
  url: string;
  acknowledge: boolean;
}

export interface CardMessage {
  kind: CardMessageKind;
  step: number;
  card: CardFacts;
  link: CardLinks;
  /** Who this step is addressed to, e.g. 承办人的上级 (the ESCALATION and REMINDER steps). */
  audience: string | null;
}

export interface DigestMessage {
  day: string;
  officerName: string;
  /** The console, where every card is listed: the digest's last line points there. */
  consoleUrl: string;
  cards: { card: CardFacts; link: CardLinks }[];
}

export interface RenderedMessage {
  subject: string;
  /** Plain text: the e-mail body. */
  text: string;
  /** Markdown for DingTalk and WeCom robots. */
  markdown: string;
  /** A list of cards: each robot format fits it to its own byte limit by whole items (robot-digest.ts). */
  digest?: RobotDigest;
}

/** A digest before it is fitted: a heading, one markdown line per card (each with its whole link), and where the rest is. */
export interface RobotDigest {
  heading: string;
  items: string[];
  consoleUrl: string;
}

export const LEVEL_NAMES: Record<AlertLevel, string> = { PROMPT: '预警', YELLOW: '黄牌', RED: '红牌' };
const STATE_NAMES: Record<string, string> = {
  OPEN: '待确认',
  ACKNOWLEDGED: '已确认',
  RECTIFIED: '已整改',
  APPEALED: '申诉中',
  CLOSED: '已办结',
  DISMISSED: '已撤销',
};
const REASON_NAMES: Record<string, string> = { RAISED: '新发', UPGRADED: '升级', ESCALATED: '督办逾期升级', CONFIRM: '确认发' };
const KIND_TAGS: Record<CardMessageKind, string> = { CARD: '', ESCALATION: '【督办升级】', REMINDER: '【催办提醒】' };
const DIGEST_LIMIT = 50;
const SIGNATURE = '—— 行政审批电子监察中心（系统自动发送，请勿直接回复）';

/** People read the rule's Chinese name, never its code (a code through md() would show full-width underscores). */
export const ruleName = (rule: string): string => CARD_RULE_NAMES[rule as CardRuleCode]?.zh ?? '其他监察规则';
export const stateName = (state: string): string => STATE_NAMES[state] ?? state;

/** An instant in Beijing time, e.g. 2026-12-01 10:00. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Robot markdown has no reliable escaping: characters that would form markup become full-width. */
function md(text: string): string {
  return text.replace(/[[\]()*_#>`|!~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/\s+/g, ' ');
}

const caseLabel = (card: CardFacts): string => (card.caseId === '' ? '（部门级）' : `办件 ${card.caseId}`);

function headline(card: CardFacts): string {
  return `【${LEVEL_NAMES[card.level]}】${ruleName(card.rule)}｜${card.departmentName}｜${caseLabel(card)}`;
}

function linkLine(link: CardLinks): string {
  return link.acknowledge ? `查看并确认收到：${link.url}` : `查看预警：${link.url}`;
}

function opening(message: CardMessage): string {
  const { card } = message;
  switch (message.kind) {
    case 'CARD':
      return `${card.departmentName}${caseLabel(card)}${REASON_NAMES[card.reason] ?? ''}${LEVEL_NAMES[card.level]}：${ruleName(card.rule)}。`;
    case 'ESCALATION':
      return `以下${LEVEL_NAMES[card.level]}自 ${beijingTime(card.changedAt)} 起未获承办人确认，现提请${message.audience ?? '您'}督促处理。`;
    case 'REMINDER':
      return `以下${LEVEL_NAMES[card.level]}自 ${beijingTime(card.changedAt)} 起仍未确认，请尽快处理（第 ${message.step} 次提醒）。`;
  }
}

export function renderCardMessage(message: CardMessage): RenderedMessage {
  const { card } = message;
  const facts = [
    `部门：${card.departmentName}（${card.departmentCode}）`,
    `办件：${card.caseId || '—'}${card.itemCode ? `（事项 ${card.itemCode}）` : ''}`,
    `规则：${ruleName(card.rule)}`,
    `等级：${LEVEL_NAMES[card.level]}，状态：${stateName(card.state)}`,
    `承办人：${card.responsibleOfficerName ?? card.responsibleOfficerId ?? '—'}`,
    `时间：${beijingTime(card.changedAt)}（北京时间）`,
    `说明：${card.summary.zh}`,
  ];
  const subject = `${KIND_TAGS[message.kind]}${headline(card)}`;
  const text = [opening(message), '', ...facts, '', linkLine(message.link), message.link.acknowledge ? '该链接仅用于确认收到本预警，请勿转发。' : '', '', SIGNATURE]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
  const markdown = [
    `#### ${md(subject)}`,
    `> ${md(opening(message))}`,
    '',
    ...facts.map((line) => `- ${md(line)}`),
    '',
    `[${message.link.acknowledge ? '查看并确认收到' : '查看预警'}](${message.link.url})`,
  ].join('\n');
  return { subject, text, markdown };
}

const digestItem = (entry: { card: CardFacts; link: CardLinks }, i: number): string =>
  `${i + 1}. [${md(`${headline(entry.card)}（${stateName(entry.card.state)}，${beijingTime(entry.card.changedAt)}）`)}](${entry.link.url})`;

/**
 * Cards that reached one robot faster than it may post (a burst): one message listing them, fitted
 * to the robot's limit like the daily digest, instead of one message per card and a throttled robot.
 */
export function renderBurstDigest(message: { cards: { card: CardFacts; link: CardLinks }[]; consoleUrl: string }): RenderedMessage {
  const departments = new Set(message.cards.map((entry) => entry.card.departmentName));
  const audience = departments.size === 1 ? [...departments][0] : `${departments.size} 个部门`;
  const subject = `【预警汇总】${audience}：新到 ${message.cards.length} 张预警`;
  const items = message.cards.map(digestItem);
  const text = [subject, '', ...message.cards.map((entry, i) => `${i + 1}. ${headline(entry.card)}\n   ${linkLine(entry.link)}`), '', SIGNATURE].join('\n');
  const digest = { heading: `#### ${md(subject)}`, items, consoleUrl: message.consoleUrl };
  return { subject, text, markdown: [digest.heading, ...items].join('\n'), digest };
}

export function renderDigest(message: DigestMessage): RenderedMessage {
  const listed = message.cards.slice(0, DIGEST_LIMIT);
  const subject = `【每日预警汇总】${message.day} ${message.officerName}：${message.cards.length} 张未办结预警`;
  const line = ({ card }: { card: CardFacts }) =>
    `${headline(card)}（${stateName(card.state)}，${beijingTime(card.changedAt)}）`;
  const more = message.cards.length > listed.length ? [`另有 ${message.cards.length - listed.length} 张，请登录系统查看：${message.consoleUrl}`] : [];
  const text = [
    `${message.officerName}：截至 ${message.day} 上班时，您承办的以下预警尚未办结：`,
    '',
    ...listed.flatMap((entry, i) => [`${i + 1}. ${line(entry)}`, `   ${linkLine(entry.link)}`]),
    ...more,
    '',
    SIGNATURE,
  ].join('\n');
  const digest = { heading: `#### ${md(subject)}`, items: message.cards.map(digestItem), consoleUrl: message.consoleUrl };
  return { subject, text, markdown: [digest.heading, ...digest.items].join('\n'), digest };
}
