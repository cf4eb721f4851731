/**
 * Clues (线索) of the accountability work and the bodies they come from and go to (移送 / 反馈 /
 * 抄送). The channels are the opinion's list of where responsibility matters are found; the console
 * and the exports name them from here.
 */
type Names<K extends string> = Readonly<Record<K, { zh: string; en: string }>>;

export const CLUE_CHANNELS = [
  'PUBLIC_REPORT',
  'PETITION_REFERRAL',
  'ENFORCEMENT_SUPERVISION',
  'FINANCIAL_SUPERVISION',
  'PERFORMANCE_AUDIT',
  'ECONOMIC_RESPONSIBILITY_AUDIT',
  'ADMINISTRATIVE_REVIEW',
  'ADMINISTRATIVE_LITIGATION',
  'EMERGENCY',
  'MAJOR_LIABILITY_ACCIDENT',
  'NEWS_MEDIA',
  'ENFORCEMENT_INSPECTION',
  'SYSTEM_CARD',
  'SYSTEM_COMPLAINT',
] as const;
export type ClueChannel = (typeof CLUE_CHANNELS)[number];

export const CLUE_CHANNEL_NAMES: Names<ClueChannel> = {
  PUBLIC_REPORT: { zh: '群众举报', en: 'Report by the public' },
  PETITION_REFERRAL: { zh: '信访部门转交', en: 'Referred by the petition office' },
  ENFORCEMENT_SUPERVISION: { zh: '执法监察', en: 'Enforcement supervision' },
  FINANCIAL_SUPERVISION: { zh: '财政监督', en: 'Financial supervision' },
  PERFORMANCE_AUDIT: { zh: '绩效审计', en: 'Performance audit' },
  ECONOMIC_RESPONSIBILITY_AUDIT: { zh: '经济责任审计', en: 'Economic responsibility audit' },
  ADMINISTRATIVE_REVIEW: { zh: '行政复议', en: 'Administrative review' },
  ADMINISTRATIVE_LITIGATION: { zh: '行政诉讼', en: 'Administrative litigation' },
  EMERGENCY: { zh: '突发事件', en: 'Emergency' },
  MAJOR_LIABILITY_ACCIDENT: { zh: '重大责任事故', en: 'Major liability accident' },
  NEWS_MEDIA: { zh: '新闻媒体', en: 'News media' },
  ENFORCEMENT_INSPECTION: { zh: '行政执法检查和考评', en: 'Administrative enforcement inspection and assessment' },
  SYSTEM_CARD: { zh: '本系统红黄牌', en: 'A card of this system' },
  SYSTEM_COMPLAINT: { zh: '本系统投诉', en: 'A complaint of this system' },
};

/** The bodies supervision information flows between (the opinion's 财政、审计、法制、人事 and others). */
export const BODY_KINDS = ['FINANCE', 'AUDIT', 'LEGAL', 'PERSONNEL', 'PETITION', 'OTHER'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const BODY_KIND_NAMES: Names<BodyKind> = {
  FINANCE: { zh: '财政部门', en: 'Finance' },
  AUDIT: { zh: '审计部门', en: 'Audit' },
  LEGAL: { zh: '法制部门', en: 'Legal affairs' },
  PERSONNEL: { zh: '人事部门', en: 'Personnel' },
  PETITION: { zh: '信访部门', en: 'Petition office' },
  OTHER: { zh: '其他机关', en: 'Other body' },
};

/** Reports a body copies to the supervision body (抄送监察机关). */
export const BODY_REPORT_KINDS = ['FINANCIAL_SUPERVISION_REPORT', 'AUDIT_RESULT_REPORT', 'ENFORCEMENT_INSPECTION_REPORT'] as const;
export type BodyReportKind = (typeof BODY_REPORT_KINDS)[number];

export const BODY_REPORT_KIND_NAMES: Names<BodyReportKind> = {
  FINANCIAL_SUPERVISION_REPORT: { zh: '财政监督报告', en: 'Financial supervision report' },
  AUDIT_RESULT_REPORT: { zh: '审计结果报告', en: 'Audit result report' },
  ENFORCEMENT_INSPECTION_REPORT: { zh: '行政执法检查报告', en: 'Enforcement inspection report' },
};

/** The channel a clue opened from a report takes unless told otherwise. */
export const BODY_REPORT_DEFAULT_CHANNEL: Readonly<Record<BodyReportKind, ClueChannel>> = {
  FINANCIAL_SUPERVISION_REPORT: 'FINANCIAL_SUPERVISION',
  AUDIT_RESULT_REPORT: 'PERFORMANCE_AUDIT',
  ENFORCEMENT_INSPECTION_REPORT: 'ENFORCEMENT_INSPECTION',
};

export const CLUE_STATES = ['REGISTERED', 'INVESTIGATING', 'CONCLUDED'] as const;
export type ClueState = (typeof CLUE_STATES)[number];

export const CLUE_OUTCOMES = ['SUBSTANTIATED', 'UNSUBSTANTIATED', 'REFERRED'] as const;
export type ClueOutcome = (typeof CLUE_OUTCOMES)[number];

export const CLUE_NAMES: Names<ClueState | ClueOutcome> = {
  REGISTERED: { zh: '已登记', en: 'Registered' },
  INVESTIGATING: { zh: '调查中', en: 'Under investigation' },
  CONCLUDED: { zh: '已办结', en: 'Concluded' },
  SUBSTANTIATED: { zh: '查实', en: 'Substantiated' },
  UNSUBSTANTIATED: { zh: '查无实据', en: 'Unsubstantiated' },
  REFERRED: { zh: '移送', en: 'Referred' },
};

/** What is sent to a body about a clue: 反馈 (to the body it came from), 抄送 (personnel), 移送. */
export const DELIVERY_KINDS = ['FEEDBACK', 'COPY', 'REFERRAL'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const DELIVERY_KIND_NAMES: Names<DeliveryKind> = {
  FEEDBACK: { zh: '反馈', en: 'Feedback' },
  COPY: { zh: '抄送', en: 'Copy' },
  REFERRAL: { zh: '移送', en: 'Referral' },
};
