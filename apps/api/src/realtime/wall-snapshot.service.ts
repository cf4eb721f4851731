import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WALL_LIMITS } from '@app/contracts';
import { WallCardSource } from './wall-card-source';
import { TrendRow, WallCaseFiguresQuery } from './wall-case-figures.query';
import { wallDayWindow } from './wall-day-window';
import { WallScope, wallScopeKey } from './wall-scope';
import { assembleWallState, WallState } from './wall-state.assembler';

/**
 * The trend is the costliest reading (30 days of cases) and the slowest to change; its last day is
 * patched from the live figures anyway, so a trend this old is reused.
 */
export const TREND_MAX_AGE_MS = 30_000;

/** Computes the whole wall from what the database holds now: cases, catalogue, and cards. */
@Injectable()
export class WallSnapshotService {
  /** Per scope; bounded by the number of distinct scopes of connected screens. */
  private readonly trendCache = new Map<string, { firstDayNumber: number; readAt: number; rows: TrendRow[] }>();

  constructor(
    private readonly cases: WallCaseFiguresQuery,
    private readonly cards: WallCardSource,
    private readonly dataSource: DataSource,
  ) {}

  async read(scope: WallScope, now: Date = new Date()): Promise<WallState> {
    const window = wallDayWindow(now);
    // Every figure of a frame from one snapshot of the database: read in parallel on the pool, the
    // headline and the district figures could each see a different moment of a busy ingest.
    const [trend, frame] = await Promise.all([
      this.trendRows(window, scope),
      this.dataSource.transaction('REPEATABLE READ', async (db) => {
        const catalogue = await this.cases.catalogue(db);
        const departments = await this.cases.byDepartment(window, scope, db);
        const cards = await this.cards.read(window, WALL_LIMITS.recentCards, scope, db);
        return { catalogue, departments, cards };
      }),
    ]);
    return assembleWallState({ window, scope, trend, ...frame });
  }

  private async trendRows(window: ReturnType<typeof wallDayWindow>, scope: WallScope): Promise<TrendRow[]> {
    const key = wallScopeKey(scope);
    const cached = this.trendCache.get(key);
    const nowMs = window.now.getTime();
    if (cached && cached.firstDayNumber === window.firstDayNumber && nowMs - cached.readAt < TREND_MAX_AGE_MS) return cached.rows;
    const rows = await this.cases.trend(window, scope);
    // Entries of scopes no longer watched age out here rather than accumulate.
    for (const [k, entry] of this.trendCache) if (nowMs - entry.readAt > 10 * TREND_MAX_AGE_MS) this.trendCache.delete(k);
    this.trendCache.set(key, { firstDayNumber: window.firstDayNumber, readAt: nowMs, rows });
    return rows;
  }
}
