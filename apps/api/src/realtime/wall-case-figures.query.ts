import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inOrder } from './in-order';
import { WallDayWindow } from './wall-day-window';
import { WallScope } from './wall-scope';

export interface WallCatalogue {
  departments: { code: string; name: string; regionCode: string | null }[];
  regions: { code: string; name: string }[];
}

/** Something to run SQL on: the data source, or one transaction's manager (one snapshot for a frame). */
export interface WallSql {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

export interface DepartmentCaseFigures {
  acceptedToday: number;
  completedToday: number;
  inProgress: number;
  /** Open cases whose promised decision deadline has passed (clock running, not paused). */
  overdue: number;
  /** Open cases whose promised decision deadline falls within the next DUE_SOON_HOURS. */
  dueSoon: number;
  /** Decisions in the trend window that had a promised limit, and those made within it. */
  decided: number;
  decidedOnTime: number;
}

export interface TrendRow {
  /** Local day number (days since 1970-01-01 in the centre's time zone). */
  dayNumber: number;
  accepted: number;
  completed: number;
  overdue: number;
}

/** Statuses of an accepted case whose decision is still to come (CaseStatus values). */
const IN_PROGRESS_STATUSES = ['ACCEPTED', 'IN_PROGRESS', 'SUSPENDED', 'FORWARDED'];

/** An open case whose promised decision clock is running and past its due instant at $1 (column kept by the projection). */
const PROMISED_CLOCK_OVERDUE = `promised_due_at < $1`;

/** "Due soon" on the wall: the promised deadline falls within this many hours of now (ADR 0019). */
export const DUE_SOON_HOURS = 48;
const PROMISED_CLOCK_DUE_SOON = `promised_due_at >= $1 AND promised_due_at < $1 + interval '${DUE_SOON_HOURS} hours'`;

const dayNumberOf = (column: string) => `floor((extract(epoch from ${column}) + $3) / 86400)::int`;

/** SQL restricting `cases` to a scope's departments, as parameter `$n` (null = every department). */
function scopeFilter(scope: WallScope, n: number): { sql: string; params: unknown[] } {
  return scope.departmentCodes === null
    ? { sql: '', params: [] }
    : { sql: ` AND cases.department_code = ANY($${n})`, params: [[...scope.departmentCodes]] };
}

/** The case side of the wall: plain aggregates over the projected `cases` table and the catalogue. */
@Injectable()
export class WallCaseFiguresQuery {
  constructor(private readonly dataSource: DataSource) {}

  async catalogue(db: WallSql = this.dataSource): Promise<WallCatalogue> {
    const [departments, regions] = await inOrder([
      () => db.query<{ code: string; name: string; regionCode: string | null }[]>(
        'SELECT code, name, region_code AS "regionCode" FROM departments ORDER BY code',
      ),
      () => db.query<{ code: string; name: string }[]>('SELECT code, name FROM regions ORDER BY code'),
    ]);
    return { departments, regions };
  }

  /** `db`: a REPEATABLE READ transaction, so these figures and the cards describe one instant. */
  async byDepartment(window: WallDayWindow, scope: WallScope, db: WallSql = this.dataSource): Promise<Map<string, DepartmentCaseFigures>> {
    const inScope = scopeFilter(scope, 3);
    const [today, open, decided] = await inOrder([
      () => db.query<{ code: string; accepted: number; completed: number }[]>(
        `SELECT department_code AS code,
           count(*) FILTER (WHERE accepted_at >= $1 AND accepted_at < $2)::int AS accepted,
           count(*) FILTER (WHERE decided_at >= $1 AND decided_at < $2)::int AS completed
         FROM cases WHERE ((accepted_at >= $1 AND accepted_at < $2) OR (decided_at >= $1 AND decided_at < $2))${inScope.sql}
         GROUP BY department_code`,
        [window.todayStart, window.todayEnd, ...inScope.params],
      ),
      () => db.query<{ code: string; inProgress: number; overdue: number; dueSoon: number }[]>(
        `SELECT department_code AS code,
           count(*) FILTER (WHERE status = ANY($2))::int AS "inProgress",
           count(*) FILTER (WHERE ${PROMISED_CLOCK_OVERDUE})::int AS overdue,
           count(*) FILTER (WHERE ${PROMISED_CLOCK_DUE_SOON})::int AS "dueSoon"
         FROM cases WHERE is_open${inScope.sql} GROUP BY department_code`,
        [window.now, IN_PROGRESS_STATUSES, ...inScope.params],
      ),
      () => db.query<{ code: string; decided: number; onTime: number }[]>(
        `SELECT department_code AS code, count(*)::int AS decided,
           count(*) FILTER (WHERE c->>'state' = 'met')::int AS "onTime"
         FROM cases CROSS JOIN LATERAL jsonb_array_elements(cases.clocks) c
         WHERE decided_at >= $1 AND decided_at < $2 AND c->>'kind' = 'DECISION_PROMISED'${inScope.sql}
         GROUP BY department_code`,
        [window.trendStart, window.todayEnd, ...inScope.params],
      ),
    ]);
    const figures = new Map<string, DepartmentCaseFigures>();
    const of = (code: string): DepartmentCaseFigures => {
      let entry = figures.get(code);
      if (!entry) {
        entry = { acceptedToday: 0, completedToday: 0, inProgress: 0, overdue: 0, dueSoon: 0, decided: 0, decidedOnTime: 0 };
        figures.set(code, entry);
      }
      return entry;
    };
    for (const row of today) Object.assign(of(row.code), { acceptedToday: row.accepted, completedToday: row.completed });
    for (const row of open) Object.assign(of(row.code), { inProgress: row.inProgress, overdue: row.overdue, dueSoon: row.dueSoon });
    for (const row of decided) Object.assign(of(row.code), { decided: row.decided, decidedOnTime: row.onTime });
    return figures;
  }

  /** Per local day of the window: accepted, decided, and promised deadlines that passed unmet. */
  async trend(window: WallDayWindow, scope: WallScope): Promise<TrendRow[]> {
    const dueAt = `(c->>'dueAt')::timestamptz`;
    const inScope = scopeFilter(scope, 5);
    return this.dataSource.query<TrendRow[]>(
      `SELECT day AS "dayNumber", sum(accepted)::int AS accepted, sum(completed)::int AS completed, sum(overdue)::int AS overdue
       FROM (
         SELECT ${dayNumberOf('accepted_at')} AS day, 1 AS accepted, 0 AS completed, 0 AS overdue
           FROM cases WHERE accepted_at >= $1 AND accepted_at < $2${inScope.sql}
         UNION ALL
         SELECT ${dayNumberOf('decided_at')}, 0, 1, 0 FROM cases WHERE decided_at >= $1 AND decided_at < $2${inScope.sql}
         UNION ALL
         SELECT ${dayNumberOf(dueAt)}, 0, 0, 1
           FROM cases CROSS JOIN LATERAL jsonb_array_elements(cases.clocks) c
           WHERE (cases.decided_at IS NULL OR cases.decided_at >= $1)
             AND c->>'kind' = 'DECISION_PROMISED' AND c->>'state' <> 'paused'
             AND ${dueAt} >= $1 AND ${dueAt} < LEAST($2, $4::timestamptz)
             AND (c->>'stoppedAt' IS NULL OR (c->>'stoppedAt')::timestamptz > ${dueAt})${inScope.sql}
       ) AS counted
       GROUP BY day`,
      [window.trendStart, window.todayEnd, window.utcOffsetMinutes * 60, window.now, ...inScope.params],
    );
  }
}
