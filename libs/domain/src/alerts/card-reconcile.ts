import { AlertLevel, Finding, RuleCode } from '@app/contracts';
import { CardState, isUpgrade } from './card-lifecycle';

/** An active card as the reconciler needs to see it. */
export interface ActiveCard {
  id: string;
  rule: RuleCode;
  level: AlertLevel;
  state: CardState;
  timeDriven: boolean;
  /**
   * Raised to RED because its supervision deadline passed unanswered (domain.md §6): a level the
   * department earned by not responding, which no later fact about the case takes back.
   */
  escalated: boolean;
}

export interface CardChanges {
  /** Findings with no active card for their rule: raise a card. */
  raise: Finding[];
  /** Active cards whose rule now finds a more severe level: upgrade in place, keeping history. */
  upgrade: { card: ActiveCard; finding: Finding }[];
  /**
   * Active cards whose rule now finds a milder level because the case's history changed (events
   * arrive late and out of order: a suspension that paused the clock, say). The card follows the
   * facts, lowered in place with a transition that says so, so the same history gives the same
   * cards whatever order it arrived in (R4). An escalated card keeps its level.
   */
  correct: { card: ActiveCard; finding: Finding }[];
  /** Active cards whose condition no longer holds: close automatically, with that reason. */
  clear: ActiveCard[];
}

/**
 * Compares what the rules find now with the case's active cards. Idempotent: the same findings
 * against the cards they produced change nothing. When time-driven findings are inhibited (the
 * department's feed is silent, so "nothing happened" may mean "nothing arrived"), time-driven rules
 * neither raise nor clear cards.
 */
export function planCardChanges(active: readonly ActiveCard[], findings: readonly Finding[], inhibitTimeDriven: boolean): CardChanges {
  const byRule = new Map(active.map((card) => [card.rule, card]));
  const found = new Map(findings.map((finding) => [finding.rule, finding]));
  const changes: CardChanges = { raise: [], upgrade: [], correct: [], clear: [] };
  for (const finding of findings) {
    const card = byRule.get(finding.rule);
    if (!card) {
      if (!(inhibitTimeDriven && finding.timeDriven)) changes.raise.push(finding);
    } else if (isUpgrade(card.level, finding.level)) {
      changes.upgrade.push({ card, finding });
    } else if (isUpgrade(finding.level, card.level) && !card.escalated) {
      changes.correct.push({ card, finding });
    }
  }
  for (const card of active) {
    if (found.has(card.rule)) continue;
    if (inhibitTimeDriven && card.timeDriven) continue;
    changes.clear.push(card);
  }
  return changes;
}
