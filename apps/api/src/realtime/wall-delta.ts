import { WALL_PANEL_KEYS, WallCard, WallDelta, WallPanels, WallSnapshot } from '@app/contracts';
import { WallState } from './wall-state.assembler';

export type WallChanges = Omit<WallDelta, 'sequence' | 'serverTime'>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Pure: what changed between two states of the wall, or null when nothing did. Panels are replaced
 * whole (they are small); cards are sent only when new or changed, since the feed is a log.
 */
export function diffWallState(before: WallState, after: WallState): WallChanges | null {
  const changes: WallChanges = {};
  let changed = false;
  for (const key of WALL_PANEL_KEYS) {
    if (!same(before.panels[key], after.panels[key])) {
      (changes as Record<keyof WallPanels, unknown>)[key] = after.panels[key];
      changed = true;
    }
  }
  if (before.day !== after.day) {
    changes.day = after.day;
    changed = true;
  }
  const known = new Map(before.cards.map((card) => [card.id, card]));
  const newOrChanged: WallCard[] = after.cards.filter((card) => !same(known.get(card.id), card));
  if (newOrChanged.length > 0) {
    changes.cards = newOrChanged;
    changed = true;
  }
  return changed ? changes : null;
}

export function toSnapshot(state: WallState, sequence: number, protocol: number): WallSnapshot {
  return { protocol, sequence, serverTime: state.serverTime, day: state.day, ...state.panels, cards: state.cards };
}
