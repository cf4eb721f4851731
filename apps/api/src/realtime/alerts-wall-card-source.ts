import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inOrder } from './in-order';
import { WallCard, WallCardLevel } from '@app/contracts';
import { WallCardFigures, WallCardSource } from './wall-card-source';
import type { WallSql } from './wall-case-figures.query';
import { WallDayWindow } from './wall-day-window';
import { WallScope } from './wall-scope';

const ACTIVE = `('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')`;

/** The wall's view of the cards: open ones per department and level, recent ones, and rule counts. */
@Injectable()
export class AlertsWallCardSource extends WallCardSource {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  /** Only the departments of the screen's scope (null = every department) are read. */
  async read(window: WallDayWindow, recentLimit: number, scope: WallScope, db: WallSql = this.dataSource): Promise<WallCardFigures> {
    const departments = scope.departmentCodes;
    // $1 is the department list, or NULL for the whole city.
    const inScope = `($1::varchar[] IS NULL OR a.department_code = ANY($1::varchar[]))`;
    const [open, byRule, recent] = await inOrder([
      () => db.query<{ department_code: string; level: WallCardLevel; n: string }[]>(
        `SELECT a.department_code, a.level, count(*) AS n FROM alerts a WHERE a.state IN ${ACTIVE} AND ${inScope} GROUP BY 1, 2`,
        [departments],
      ),
      () => db.query<{ rule: string; n: string }[]>(
        `SELECT a.rule, count(*) AS n FROM alerts a WHERE a.raised_at >= $2 AND a.state NOT IN ('PENDING', 'DISCARDED') AND ${inScope} GROUP BY 1`,
        [departments, window.trendStart],
      ),
      () => db.query<{ id: string; level: WallCardLevel; department_code: string; item_code: string | null; item_name: string | null; rule: string; at: Date; case_id: string }[]>(
        `SELECT a.id, a.level, a.department_code, a.item_code, i.name AS item_name, a.rule, a.updated_at AS at, a.case_id
           FROM alerts a LEFT JOIN items i ON i.code = a.item_code
          WHERE a.state IN ${ACTIVE} AND ${inScope}
          ORDER BY a.updated_at DESC, a.id LIMIT $2`,
        [departments, recentLimit],
      ),
    ]);
    const openByDepartment: WallCardFigures['openByDepartment'] = {};
    for (const row of open) (openByDepartment[row.department_code] ??= {})[row.level] = Number(row.n);
    return {
      openByDepartment,
      raisedByRule: Object.fromEntries(byRule.map((row) => [row.rule, Number(row.n)])),
      recent: recent.map(
        (row): WallCard => ({
          id: row.id,
          level: row.level,
          departmentCode: row.department_code,
          itemCode: row.item_code,
          itemName: row.item_name,
          ruleCode: row.rule,
          raisedAt: row.at.toISOString(),
          caseId: row.case_id === '' ? null : row.case_id,
        }),
      ),
    };
  }
}
