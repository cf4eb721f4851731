import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseContributions, counterColumn, DAILY_COUNTERS, DailyCounters } from '@app/domain/reports';

/** Advisory-lock class of the rollups: (class, hashtext(department)) guards one department's rollup. */
const ROLLUP_LOCK_CLASS = 72_104;
const COLUMNS = DAILY_COUNTERS.map(counterColumn);
/** Rows per statement: large enough to amortise the round trip, small enough to stay a short statement. */
const ROWS_PER_STATEMENT = 5000;

export interface CaseFactRow {
  departmentCode: string;
  caseId: string;
  contributions: CaseContributions;
}

export interface RollupRow {
  departmentCode: string;
  day: string;
  counters: DailyCounters;
}

const key = (departmentCode: string, caseId: string): string => `${departmentCode}\u0000${caseId}`;

/** The rollup tables, multi-row SQL only (this runs inside every projection). */
@Injectable()
export class ReportRollupRepository {
  /**
   * Projections hold a department's lock shared (they never wait for each other); a rebuild holds it
   * exclusive, so no delta lands on a department while its rollup is being recomputed.
   */
  async lockShared(manager: EntityManager, departmentCodes: string[]): Promise<void> {
    for (const code of [...new Set(departmentCodes)].sort()) {
      await manager.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [ROLLUP_LOCK_CLASS, code]);
    }
  }

  async lockExclusive(manager: EntityManager, departmentCode: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ROLLUP_LOCK_CLASS, departmentCode]);
  }

  async factsOf(manager: EntityManager, cases: { departmentCode: string; caseId: string }[]): Promise<Map<string, CaseContributions>> {
    if (cases.length === 0) return new Map();
    const rows = await manager.query<{ department_code: string; case_id: string; contributions: CaseContributions }[]>(
      `SELECT f.department_code, f.case_id, f.contributions
         FROM report_case_facts f
         JOIN unnest($1::varchar[], $2::varchar[]) AS k(department_code, case_id)
           ON f.department_code = k.department_code AND f.case_id = k.case_id`,
      [cases.map((c) => c.departmentCode), cases.map((c) => c.caseId)],
    );
    return new Map(rows.map((row) => [key(row.department_code, row.case_id), row.contributions]));
  }

  /** Upserts facts in key order; column arrays (unnest) keep a statement's parameters to four. */
  async saveFacts(manager: EntityManager, facts: CaseFactRow[], now: Date): Promise<void> {
    const sorted = [...facts].sort((a, b) => compare(key(a.departmentCode, a.caseId), key(b.departmentCode, b.caseId)));
    for (let i = 0; i < sorted.length; i += ROWS_PER_STATEMENT) {
      const chunk = sorted.slice(i, i + ROWS_PER_STATEMENT);
      await manager.query(
        `INSERT INTO report_case_facts (department_code, case_id, contributions, updated_at)
         SELECT d, c, j, $4 FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[]) AS f(d, c, j)
         ON CONFLICT (department_code, case_id) DO UPDATE SET contributions = EXCLUDED.contributions, updated_at = EXCLUDED.updated_at`,
        [chunk.map((f) => f.departmentCode), chunk.map((f) => f.caseId), chunk.map((f) => JSON.stringify(f.contributions)), now],
      );
    }
  }

  /** Adds deltas to the rollup rows, creating missing ones; rows in key order so writers never deadlock. */
  async addToRollup(manager: EntityManager, rows: RollupRow[]): Promise<void> {
    await this.writeRollup(manager, rows, `ON CONFLICT (department_code, day) DO UPDATE SET ${COLUMNS.map((c) => `${c} = report_daily_rollups.${c} + EXCLUDED.${c}`).join(', ')}`);
  }

  async replaceRollup(manager: EntityManager, departmentCode: string, rows: RollupRow[]): Promise<void> {
    await manager.query('DELETE FROM report_daily_rollups WHERE department_code = $1', [departmentCode]);
    await this.writeRollup(manager, rows, '');
  }

  async deleteFacts(manager: EntityManager, departmentCode: string): Promise<void> {
    await manager.query('DELETE FROM report_case_facts WHERE department_code = $1', [departmentCode]);
  }

  async rollupOf(manager: EntityManager, departmentCode: string): Promise<RollupRow[]> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT department_code, to_char(day, 'YYYY-MM-DD') AS day, ${COLUMNS.join(', ')} FROM report_daily_rollups WHERE department_code = $1 ORDER BY day`,
      [departmentCode],
    );
    return rows.map((row) => ({ departmentCode: row.department_code as string, day: row.day as string, counters: countersOf(row) }));
  }

  private async writeRollup(manager: EntityManager, rows: RollupRow[], onConflict: string): Promise<void> {
    const sorted = [...rows].sort((a, b) => compare(`${a.departmentCode}\u0000${a.day}`, `${b.departmentCode}\u0000${b.day}`));
    const arrays = `unnest($1::varchar[], $2::date[], ${COLUMNS.map((_, i) => `$${i + 3}::int[]`).join(', ')})`;
    for (let i = 0; i < sorted.length; i += ROWS_PER_STATEMENT) {
      const chunk = sorted.slice(i, i + ROWS_PER_STATEMENT);
      await manager.query(
        `INSERT INTO report_daily_rollups (department_code, day, ${COLUMNS.join(', ')}) SELECT * FROM ${arrays} ${onConflict}`,
        [chunk.map((r) => r.departmentCode), chunk.map((r) => r.day), ...DAILY_COUNTERS.map((c) => chunk.map((r) => r.counters[c]))],
      );
    }
  }
}

/** A rollup row's counters from SQL (snake_case columns, bigint sums as text). */
export function countersOf(row: Record<string, unknown>): DailyCounters {
  return Object.fromEntries(DAILY_COUNTERS.map((c) => [c, Number(row[counterColumn(c)] ?? 0)])) as DailyCounters;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
