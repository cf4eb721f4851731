/**
 * Open cases at scale, in exactly the shape the product writes them. A few template cases go
 * through the public ingest API and the product's own projection; every other case is a copy of a
 * template made inside PostgreSQL (generate_series, no round trip per row): its case row, its
 * events (the projection rebuilds a case from them) and its report facts, with a new case id. A
 * copy shares its template's timeline, so the product projecting it must give the template's row
 * back — `verifyClones` checks exactly that on a sample.
 */
import { Client } from 'pg';

/** The tables the projection writes per case, and the columns that make a copy a different case. */
const PER_CASE_TABLES = ['cases', 'case_events', 'report_case_facts'] as const;

export interface TemplateSet {
  /** Temporary table (k, department_code, case_id) listing the templates, k = 0…size-1. */
  table: string;
  size: number;
}

export async function registerTemplates(db: Client, table: string, keys: { departmentCode: string; caseId: string }[]): Promise<TemplateSet> {
  await db.query(`DROP TABLE IF EXISTS ${table}`);
  await db.query(`CREATE TABLE ${table} (k int PRIMARY KEY, department_code varchar(32) NOT NULL, case_id varchar(64) NOT NULL)`);
  await db.query(
    `INSERT INTO ${table} SELECT k - 1, d, c FROM unnest($1::varchar[], $2::varchar[]) WITH ORDINALITY AS t(d, c, k)`,
    [keys.map((k) => k.departmentCode), keys.map((k) => k.caseId)],
  );
  return { table, size: keys.length };
}

async function columnsOf(db: Client, table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.rows.map((r) => r.column_name);
}

/**
 * Copies of the templates numbered from…to (inclusive): case `prefix || i` is a copy of template
 * i mod size. `nextCheckAt` replaces the copied next_check_at (an SQL expression over g.i).
 */
export async function cloneCases(
  db: Client,
  templates: TemplateSet,
  prefix: string,
  from: number,
  to: number,
  options: { nextCheckAt?: string } = {},
): Promise<void> {
  for (const table of PER_CASE_TABLES) {
    const columns = (await columnsOf(db, table)).filter((c) => !(table === 'case_events' && c === 'id'));
    const value = (c: string): string => {
      if (c === 'case_id') return `$3 || g.i`;
      if (c === 'event_id') return `x.event_id || '-' || $3 || g.i`;
      if (c === 'next_check_at' && options.nextCheckAt) return options.nextCheckAt;
      return `x.${c}`;
    };
    await db.query(
      `INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${columns.map(value).join(', ')}
         FROM generate_series($1::int, $2::int) AS g(i)
         JOIN ${templates.table} t ON t.k = g.i % ${templates.size}
         JOIN ${table} x ON x.department_code = t.department_code AND x.case_id = t.case_id`,
      [from, to, prefix],
    );
  }
}

/**
 * The daily rollup is a sum over cases: after copying, each department's counters are its
 * templates' counters times (cases in the department / templates in it) — every template of a
 * department is copied equally often.
 */
export async function scaleRollups(db: Client, templates: TemplateSet): Promise<void> {
  const columns = (await columnsOf(db, 'report_daily_rollups')).filter((c) => c !== 'department_code' && c !== 'day');
  await db.query(
    `WITH factor AS (
       SELECT t.department_code, (SELECT count(*) FROM cases c WHERE c.department_code = t.department_code)::int / count(*) AS f
         FROM ${templates.table} t GROUP BY t.department_code)
     UPDATE report_daily_rollups r SET ${columns.map((c) => `${c} = r.${c} * factor.f`).join(', ')}
       FROM factor WHERE r.department_code = factor.department_code`,
  );
}

type Row = Record<string, unknown>;

/** What a case row says, without the columns that record when it was last projected. */
async function caseRows(db: Client, keys: { department_code: string; case_id: string }[]): Promise<Map<string, Row>> {
  const rows = await db.query<Row>(
    `SELECT c.*, f.contributions FROM cases c
       LEFT JOIN report_case_facts f ON f.department_code = c.department_code AND f.case_id = c.case_id
      WHERE (c.department_code, c.case_id) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))`,
    [keys.map((k) => k.department_code), keys.map((k) => k.case_id)],
  );
  return new Map(rows.rows.map((r) => [`${String(r.department_code)}/${String(r.case_id)}`, r]));
}

/** Forces the product to project these cases now (the deadline scheduler takes due rows) and waits for it. */
export async function reprojectThroughScheduler(db: Client, keys: { department_code: string; case_id: string }[], timeoutMs = 60_000): Promise<void> {
  const since = (await db.query<{ now: Date }>('SELECT now()')).rows[0].now;
  await db.query(
    `UPDATE cases SET next_check_at = now() - interval '1 second'
      WHERE (department_code, case_id) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))`,
    [keys.map((k) => k.department_code), keys.map((k) => k.case_id)],
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM cases WHERE projected_at > $3
          AND (department_code, case_id) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))`,
      [keys.map((k) => k.department_code), keys.map((k) => k.case_id), since],
    );
    if (Number(done.rows[0].n) === keys.length) return;
    if (Date.now() > deadline) throw new Error(`the scheduler projected ${done.rows[0].n} of ${keys.length} sample cases in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Re-projects a sample through the product and compares every stored column (and the report
 * facts) with what was there before. Returns the differences, one line each; none means the copies
 * are what the product itself would have written.
 */
export async function compareWithProjection(db: Client, keys: { department_code: string; case_id: string }[], ignore: string[] = []): Promise<string[]> {
  const before = await caseRows(db, keys);
  await reprojectThroughScheduler(db, keys);
  const after = await caseRows(db, keys);
  const skip = new Set(['projected_at', ...ignore]);
  const differences: string[] = [];
  for (const [key, row] of before) {
    const again = after.get(key);
    if (!again) {
      differences.push(`${key}: gone after projection`);
      continue;
    }
    for (const column of Object.keys(row)) {
      if (skip.has(column)) continue;
      const a = JSON.stringify(row[column]);
      const b = JSON.stringify(again[column]);
      if (a !== b) differences.push(`${key}.${column}: seeded ${a.slice(0, 200)} ≠ projected ${b.slice(0, 200)}`);
    }
  }
  const cards = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM alerts WHERE (department_code, case_id) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))`,
    [keys.map((k) => k.department_code), keys.map((k) => k.case_id)],
  );
  if (Number(cards.rows[0].n) > 0) differences.push(`${cards.rows[0].n} card(s) raised on sample cases that should have none`);
  return differences;
}

/** A spread sample of the copies `prefix || from…to` (copy i belongs to template i mod size's department). */
export function sampleKeys(templates: { departmentCode: string }[], prefix: string, from: number, to: number, count: number): { department_code: string; case_id: string }[] {
  return Array.from({ length: count }, (_, s) => {
    const i = from + Math.floor(((to - from) * (s + 0.5)) / count);
    return { department_code: templates[i % templates.length].departmentCode, case_id: `${prefix}${i}` };
  });
}
