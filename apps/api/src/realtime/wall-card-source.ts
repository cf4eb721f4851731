import { WallCard, WallCardLevel } from '@app/contracts';
import type { WallSql } from './wall-case-figures.query';
import { WallDayWindow } from './wall-day-window';
import { WallScope } from './wall-scope';

/** What the wall shows about cards (alerts), read in one go. */
export interface WallCardFigures {
  /** Open cards per department and level; departments without an open card may be left out. */
  openByDepartment: Record<string, Partial<Record<WallCardLevel, number>>>;
  /** Cards raised in the trend window (window.trendStart … now), by rule code. */
  raisedByRule: Record<string, number>;
  /** Cards raised or escalated most recently, newest first, at most `recentLimit`. */
  recent: WallCard[];
}

/** The one place the wall reads cards from (bound to AlertsWallCardSource, which reads the `alerts` table). */
export abstract class WallCardSource {
  /**
   * Cards of the scope's departments only (`scope.departmentCodes` null = all): a district's screen
   * must not count or list another district's cards. Null while the system keeps no cards: the
   * screen then says "not measured" rather than 0.
   * `db`: the transaction the case figures are read in, so both describe one instant.
   */
  abstract read(window: WallDayWindow, recentLimit: number, scope: WallScope, db?: WallSql): Promise<WallCardFigures | null>;
}
