import { WALL_LIMITS, type WallCard } from '@app/contracts/realtime/wall';

const newestFirst = (a: WallCard, b: WallCard): number =>
  a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * Merges cards into the feed by id (a card escalated from yellow to red replaces itself, a card
 * sent twice is shown once), newest first, never more than `limit`: the feed cannot grow however
 * long the screen runs.
 */
export function mergeCards(current: readonly WallCard[], incoming: readonly WallCard[], limit: number = WALL_LIMITS.recentCards): WallCard[] {
  const byId = new Map<string, WallCard>();
  for (const card of current) byId.set(card.id, card);
  for (const card of incoming) byId.set(card.id, card);
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}
