/**
 * Cards the centre's own registers raise: a supervision order or a complaint left past its limit.
 * Not case rules (libs/contracts RULE_CODES): they come from the registers, not from case events.
 */
export const OVERSIGHT_RULES = ['SUPERVISION_ORDER_OVERDUE', 'COMPLAINT_ACCEPTANCE_OVERDUE', 'COMPLAINT_HANDLING_OVERDUE'] as const;
export type OversightRule = (typeof OVERSIGHT_RULES)[number];

export const OVERSIGHT_RULE_NAMES: Readonly<Record<OversightRule, { zh: string; en: string }>> = {
  SUPERVISION_ORDER_OVERDUE: { zh: '督办逾期未复', en: 'Supervision order overdue' },
  COMPLAINT_ACCEPTANCE_OVERDUE: { zh: '投诉受理超时', en: 'Complaint not accepted in time' },
  COMPLAINT_HANDLING_OVERDUE: { zh: '投诉办理超时', en: 'Complaint not answered in time' },
};
