import { AlertLevel, alertLevelRank } from '@app/contracts';

/**
 * A card's life: raised OPEN; the department acknowledges it, replies with its rectification, or
 * appeals; the centre closes it, dismisses it (always with a reason) or decides the appeal: the
 * card is maintained (back where it was) or revoked (REVOKED: it was wrong, and reports count it
 * apart from breaches). A card of a rule set to hold its cards (待发) starts PENDING: the centre
 * confirms it (then it is OPEN, announced and on the wall) or discards it (DISCARDED, never issued).
 * A card is never deleted. CLOSED, DISMISSED, REVOKED and DISCARDED are final.
 */
export const CARD_STATES = ['PENDING', 'OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED', 'CLOSED', 'DISMISSED', 'REVOKED', 'DISCARDED'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** States in which a card is still "open" for its (case, rule): at most one such card exists. */
export const ACTIVE_CARD_STATES: readonly CardState[] = ['OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED'];

export const CARD_ACTIONS = ['acknowledge', 'rectify', 'appeal', 'close', 'dismiss', 'uphold-appeal', 'reject-appeal', 'confirm', 'discard'] as const;

/** Held cards: found by a rule set to hold, not yet issued; only the centre sees them. */
export const HELD_CARD_STATES: readonly CardState[] = ['PENDING', 'DISCARDED'];
export type CardAction = (typeof CARD_ACTIONS)[number];

/** Who may take an action: the department handling the case, or the centre supervising it. */
export type CardActorSide = 'department' | 'centre';

interface ActionRule {
  from: readonly CardState[];
  to: CardState | 'PREVIOUS';
  side: CardActorSide;
  commentRequired: boolean;
}

const ACTIONS: Record<CardAction, ActionRule> = {
  acknowledge: { from: ['OPEN'], to: 'ACKNOWLEDGED', side: 'department', commentRequired: false },
  rectify: { from: ['OPEN', 'ACKNOWLEDGED'], to: 'RECTIFIED', side: 'department', commentRequired: true },
  appeal: { from: ['OPEN', 'ACKNOWLEDGED'], to: 'APPEALED', side: 'department', commentRequired: true },
  close: { from: ['RECTIFIED'], to: 'CLOSED', side: 'centre', commentRequired: false },
  dismiss: { from: ['OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED'], to: 'DISMISSED', side: 'centre', commentRequired: true },
  // The appeal is upheld: the card was wrong, so it is revoked (counted apart, not as a breach).
  'uphold-appeal': { from: ['APPEALED'], to: 'REVOKED', side: 'centre', commentRequired: true },
  // The appeal is rejected: the card stands again where it was before the appeal.
  'reject-appeal': { from: ['APPEALED'], to: 'PREVIOUS', side: 'centre', commentRequired: true },
  // A held card is issued (确认发牌) or discarded with the reason it should not be issued.
  confirm: { from: ['PENDING'], to: 'OPEN', side: 'centre', commentRequired: false },
  discard: { from: ['PENDING'], to: 'DISCARDED', side: 'centre', commentRequired: true },
};

export type TransitionResult =
  | { ok: true; to: CardState }
  | { ok: false; reason: 'NOT_ALLOWED_FROM_STATE' | 'WRONG_SIDE' | 'COMMENT_REQUIRED'; message: string };

export function cardTransition(
  action: CardAction,
  card: { state: CardState; stateBeforeAppeal: CardState | null },
  side: CardActorSide,
  comment: string | undefined,
): TransitionResult {
  const rule = ACTIONS[action];
  if (!rule.from.includes(card.state)) {
    return { ok: false, reason: 'NOT_ALLOWED_FROM_STATE', message: `cannot ${action} a card that is ${card.state}` };
  }
  if (rule.side !== side) {
    return { ok: false, reason: 'WRONG_SIDE', message: `${action} is for the ${rule.side === 'centre' ? 'monitoring centre' : 'department'}` };
  }
  if (rule.commentRequired && !comment?.trim()) {
    return { ok: false, reason: 'COMMENT_REQUIRED', message: `${action} needs a comment giving the reason` };
  }
  return { ok: true, to: rule.to === 'PREVIOUS' ? (card.stateBeforeAppeal ?? 'OPEN') : rule.to };
}

/** States no action leaves. */
export const FINAL_CARD_STATES: readonly CardState[] = ['CLOSED', 'DISMISSED', 'REVOKED', 'DISCARDED'];

export const isActiveCard = (state: CardState): boolean => ACTIVE_CARD_STATES.includes(state);

/** A finding changes an active card only when it is more severe: a card never silently softens. */
export function isUpgrade(current: AlertLevel, found: AlertLevel): boolean {
  return alertLevelRank(found) > alertLevelRank(current);
}
