import { EntityManager } from 'typeorm';
import { OverdueItem } from './oversight-cards';

/** One kind of register row the oversight watcher flags when its limit passes (orders, complaints, resolutions, clues). */
export interface Sweep {
  /**
   * Claims due rows (marks them flagged) and returns them, in the caller's transaction; with
   * `claimed` when some rows flagged raise no card (a resolution no department answers for).
   */
  claim(manager: EntityManager, now: Date): Promise<OverdueItem[] | { items: OverdueItem[]; claimed: number }>;
  /** Stores the card raised for each claimed row. */
  link(manager: EntityManager, cardIds: Map<string, string>): Promise<void>;
  /** What else the flag means (a failed 限期 order proposes the head's accountability). */
  after?(manager: EntityManager, items: OverdueItem[], now: Date): Promise<void>;
}
