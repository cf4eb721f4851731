import { Injectable } from '@nestjs/common';
import { WALL_LIMITS } from '@app/contracts';
import { WallCardSource } from './wall-card-source';
import { TrendRow, WallCaseFiguresQuery } from './wall-case-figures.query';
import { wallDayWindow } from './wall-day-window';
import { assembleWallState, WallState } from './wall-state.assembler';

/**
 * The trend is the costliest reading (30 days of cases) and the slowest to change; its last day is
 * patched from the live figures anyway, so a trend this old is reused.
 */
export const TREND_MAX_AGE_MS = 30_000;

/** Computes the whole wall from what the database holds now: cases, catalogue, and cards. */
@Injectable()
export class WallSnapshotService {
  private trendCache: { firstDayNumber: number; readAt: number; rows: TrendRow[] } | null = null;

  constructor(
    private readonly cases: WallCaseFiguresQuery,
    private readonly cards: WallCardSource,
  ) {}

  async read(now: Date = new Date()): Promise<WallState> {
    const window = wallDayWindow(now);
    const [catalogue, departments, trend, cards] = await Promise.all([
      this.cases.catalogue(),
      this.cases.byDepartment(window),
      this.trendRows(window),
      this.cards.read(window, WALL_LIMITS.recentCards),
    ]);
    return assembleWallState({ window, catalogue, departments, trend, cards });
  }

  private async trendRows(window: ReturnType<typeof wallDayWindow>): Promise<TrendRow[]> {
    const cached = this.trendCache;
    const nowMs = window.now.getTime();
    if (cached && cached.firstDayNumber === window.firstDayNumber && nowMs - cached.readAt < TREND_MAX_AGE_MS) return cached.rows;
    const rows = await this.cases.trend(window);
    this.trendCache = { firstDayNumber: window.firstDayNumber, readAt: nowMs, rows };
    return rows;
  }
}
