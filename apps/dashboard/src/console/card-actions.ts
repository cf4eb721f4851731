import type { CardState } from './api/cards-api';

/**
 * Which buttons a card page offers: the department's side (acknowledge, rectify, appeal) to holders
 * of alerts.respond, the centre's side (issue or discard a held card, close, dismiss, maintain or
 * revoke an appealed card) to holders of alerts.decide,
 * each only in the states the lifecycle allows (libs/domain card-lifecycle.ts). Officers act only on
 * cards of their cases. The API decides in the end; this only spares people buttons that would fail.
 */
export type CardButton = 'acknowledge' | 'rectify' | 'appeal' | 'close' | 'dismiss' | 'revoke' | 'maintain' | 'confirm' | 'discard';

/** The comment each action needs (the API refuses rectify, appeal, dismiss, appeal decisions and discards without one). */
export const COMMENT_REQUIRED: Readonly<Record<CardButton, boolean>> = {
  acknowledge: false,
  rectify: true,
  appeal: true,
  close: false,
  dismiss: true,
  revoke: true,
  maintain: true,
  confirm: false,
  discard: true,
};

/** The body field the API reads the action's text from (and names in its errors). */
export const COMMENT_FIELD: Readonly<Record<CardButton, 'comment' | 'reply' | 'reason'>> = {
  acknowledge: 'comment',
  rectify: 'comment',
  appeal: 'comment',
  close: 'comment',
  dismiss: 'comment',
  revoke: 'reply',
  maintain: 'reply',
  confirm: 'comment',
  discard: 'reason',
};

const ALLOWED_FROM: Readonly<Record<CardButton, readonly CardState[]>> = {
  acknowledge: ['OPEN'],
  rectify: ['OPEN', 'ACKNOWLEDGED'],
  appeal: ['OPEN', 'ACKNOWLEDGED'],
  close: ['RECTIFIED'],
  dismiss: ['OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED'],
  revoke: ['APPEALED'],
  maintain: ['APPEALED'],
  // Held cards (待发): the centre issues them or discards them.
  confirm: ['PENDING'],
  discard: ['PENDING'],
};

const DEPARTMENT_SIDE: readonly CardButton[] = ['acknowledge', 'rectify', 'appeal'];
const CENTRE_SIDE: readonly CardButton[] = ['confirm', 'discard', 'close', 'dismiss', 'maintain', 'revoke'];

export interface Actor {
  permissions: ReadonlySet<string>;
  /** Officers: their officer id, and that they act only on their own cases. */
  officerId: string | null;
  actsOnlyOnAssigned: boolean;
}

export function cardButtons(card: { state: CardState; responsibleOfficerId: string | null }, actor: Actor): CardButton[] {
  const buttons: CardButton[] = [];
  const ownCase = !actor.actsOnlyOnAssigned || (actor.officerId !== null && card.responsibleOfficerId === actor.officerId);
  if (actor.permissions.has('alerts.respond') && ownCase) buttons.push(...DEPARTMENT_SIDE);
  if (actor.permissions.has('alerts.decide')) buttons.push(...CENTRE_SIDE);
  return buttons.filter((b) => ALLOWED_FROM[b].includes(card.state));
}

/** Element Plus table sorting → the API's `sort` parameter (`dueAt`, `-dueAt`), only for whitelisted columns. */
export function sortParam(sort: { prop?: string | null; order?: 'ascending' | 'descending' | null }, allowed: readonly string[]): string | undefined {
  if (!sort.prop || !sort.order || !allowed.includes(sort.prop)) return undefined;
  return sort.order === 'descending' ? `-${sort.prop}` : sort.prop;
}
