/**
 * Supervision orders of kinds (督办, 限期整改, 限期履行) and what may happen to them. Pure: the caller
 * gives the order, the step and the instant; the answer is the next state, or why not.
 *
 *   ISSUED ──reply──▶ REPLIED ──verify: VERIFIED──▶ VERIFIED (closed)
 *     │                  └──verify: NOT_CARRIED_OUT──▶ NOT_CARRIED_OUT ──reissue──▶ REISSUED (a new order)
 *     │ (past the deadline)                                  └──escalate──▶ ESCALATED (head's accountability proposed)
 *     ├──verify: NOT_CARRIED_OUT──▶ NOT_CARRIED_OUT
 *     ├──overdue (限期整改 / 限期履行 only)──▶ ESCALATED
 *     └──close (ISSUED or REPLIED)──▶ CLOSED
 *   ESCALATED ──reissue──▶ REISSUED: the head answers for the failure, the duty remains.
 */
export const ORDER_KINDS = ['SUPERVISION', 'RECTIFY', 'PERFORM'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_STATES = ['ISSUED', 'REPLIED', 'CLOSED', 'VERIFIED', 'NOT_CARRIED_OUT', 'REISSUED', 'ESCALATED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const VERIFICATION_OUTCOMES = ['VERIFIED', 'NOT_CARRIED_OUT'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/** Kinds whose deadline is itself the obligation: missing it proposes the head's accountability. */
export const DEADLINE_BOUND_KINDS: readonly OrderKind[] = ['RECTIFY', 'PERFORM'];

export const ORDER_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  SUPERVISION: { zh: '督办', en: 'Supervision order' },
  RECTIFY: { zh: '限期整改', en: 'Rectify within a deadline' },
  PERFORM: { zh: '限期履行', en: 'Perform within a deadline' },
  REVIEW_DECISION: { zh: '限期履行行政复议决定', en: 'Carry out a review decision within a deadline' },
  ISSUED: { zh: '已下达', en: 'Issued' },
  REPLIED: { zh: '已答复', en: 'Replied' },
  CLOSED: { zh: '已结束', en: 'Closed' },
  VERIFIED: { zh: '核查通过', en: 'Verified' },
  NOT_CARRIED_OUT: { zh: '未落实', en: 'Not carried out' },
  REISSUED: { zh: '已重新下达', en: 'Re-issued' },
  ESCALATED: { zh: '已提请问责', en: 'Escalated' },
};

export type OrderStep =
  | { type: 'REPLY' }
  | { type: 'CLOSE' }
  | { type: 'VERIFY'; outcome: VerificationOutcome }
  | { type: 'REISSUE' }
  | { type: 'ESCALATE' }
  /** The deadline watcher: the deadline passed without a reply. */
  | { type: 'OVERDUE' };

export interface OrderFacts {
  kind: OrderKind;
  state: OrderState;
  /** The deadline instant (ms since the epoch). */
  dueAtMs: number;
}

export type OrderTransition =
  | { ok: true; state: OrderState; proposeHeadAccountability: boolean }
  | { ok: false; reason: string };

const to = (state: OrderState, proposeHeadAccountability = false): OrderTransition => ({ ok: true, state, proposeHeadAccountability });
const refuse = (reason: string): OrderTransition => ({ ok: false, reason });
const needs = (order: OrderFacts, allowed: readonly OrderState[], action: string): OrderTransition | null =>
  allowed.includes(order.state) ? null : refuse(`cannot ${action}: the order is ${order.state} (needs ${allowed.join(' or ')})`);

/** The next state of an order after a step at `nowMs`, and whether it proposes the head's accountability. */
export function nextOrderState(order: OrderFacts, step: OrderStep, nowMs: number): OrderTransition {
  switch (step.type) {
    case 'REPLY':
      return needs(order, ['ISSUED'], 'reply to this order') ?? to('REPLIED');
    case 'CLOSE':
      return needs(order, ['ISSUED', 'REPLIED'], 'close this order') ?? to('CLOSED');
    case 'VERIFY':
      if (step.outcome === 'VERIFIED') return needs(order, ['REPLIED'], 'verify this order as carried out') ?? to('VERIFIED');
      if (order.state === 'ISSUED' && nowMs <= order.dueAtMs) return refuse('cannot find it not carried out: no reply yet and the deadline has not passed');
      return needs(order, ['ISSUED', 'REPLIED'], 'find this order not carried out') ?? to('NOT_CARRIED_OUT');
    case 'REISSUE':
      return needs(order, ['NOT_CARRIED_OUT', 'ESCALATED'], 're-issue this order') ?? to('REISSUED');
    case 'ESCALATE':
      return needs(order, ['NOT_CARRIED_OUT'], 'escalate this order') ?? to('ESCALATED', true);
    case 'OVERDUE':
      if (order.state !== 'ISSUED' || nowMs <= order.dueAtMs) return refuse('not overdue: replied, decided, or the deadline has not passed');
      // A 督办 past its deadline is flagged (a card) and stays open; a 限期 order has failed.
      return DEADLINE_BOUND_KINDS.includes(order.kind) ? to('ESCALATED', true) : to('ISSUED');
  }
}

/** Why an order's kind and review-decision reference do not fit together; null when they do. */
export function orderKindError(kind: OrderKind, reviewDecisionRef: string | null): { path: string; message: string } | null {
  if (reviewDecisionRef !== null && kind !== 'PERFORM') {
    return { path: 'reviewDecisionRef', message: 'only a PERFORM (限期履行) order carries out a review decision' };
  }
  return null;
}
