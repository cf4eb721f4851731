import { Client } from 'pg';

const CHUNK = 2000;
/** TypeORM's record of applied migrations: the target has its own, made by running the same migrations. */
const SKIPPED = new Set(['migrations', 'typeorm_metadata']);

export interface CopyReport {
  tables: { name: string; rows: number }[];
}

/**
 * Copies every row of every table from one database to another of the same schema (both migrated to
 * the same version): how embedded data (PGlite, PostgreSQL 18) moves to a server PostgreSQL of another
 * major version, where pg_dump cannot go. Rows travel as JSON (lossless for every type the schema
 * uses). The target session runs as a replica, so triggers (the audit log's append-only guard, foreign
 * keys) do not fire on rows that were checked when first written; that needs a superuser.
 */
export async function copyAllTables(sourceUrl: string, targetUrl: string): Promise<CopyReport> {
  const source = new Client({ connectionString: sourceUrl });
  const target = new Client({ connectionString: targetUrl });
  await source.connect();
  await target.connect();
  try {
    await target.query(`SET session_replication_role = replica`).catch((error: Error) => {
      throw new Error(`the target database refused to load rows as a replica (${error.message}): restore as a superuser, e.g. postgres`);
    });
    const tables = (
      await source.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
    ).rows
      .map((r) => r.name)
      .filter((name) => !SKIPPED.has(name));
    const report: CopyReport = { tables: [] };
    await target.query('BEGIN');
    for (const table of tables) report.tables.push({ name: table, rows: await copyTable(source, target, table) });
    await resetSequences(target);
    await target.query('COMMIT');
    return report;
  } catch (error) {
    await target.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await source.end();
    await target.end();
  }
}

async function copyTable(source: Client, target: Client, table: string): Promise<number> {
  const quoted = `"${table.replace(/"/g, '""')}"`;
  const columns = (
    await target.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [table],
    )
  ).rows.map((r) => `"${r.name.replace(/"/g, '""')}"`);
  if (columns.length === 0) throw new Error(`table ${table} of the backup does not exist in the target: are both at the same schema version?`);
  const list = columns.join(', ');
  let after = '(0,0)';
  let copied = 0;
  for (;;) {
    // Pages by physical position: no sort of the whole table, constant memory whatever its size.
    const page = await source.query<{ tid: string; row: string }>(
      `SELECT ctid::text AS tid, row_to_json(t)::text AS row FROM ${quoted} t WHERE ctid > $1::tid ORDER BY ctid LIMIT ${CHUNK}`,
      [after],
    );
    if (page.rows.length === 0) return copied;
    await target.query(`INSERT INTO ${quoted} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quoted}, $1::json)`, [
      `[${page.rows.map((r) => r.row).join(',')}]`,
    ]);
    copied += page.rows.length;
    after = page.rows[page.rows.length - 1].tid;
  }
}

/** Serial columns' sequences continue after the copied rows' highest value. */
async function resetSequences(target: Client): Promise<void> {
  const serials = await target.query<{ table_name: string; column_name: string; seq: string }>(
    `SELECT table_name, column_name, pg_get_serial_sequence(format('%I', table_name), column_name) AS seq
       FROM information_schema.columns
      WHERE table_schema = 'public' AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL`,
  );
  for (const { table_name, column_name, seq } of serials.rows) {
    await target.query(`SELECT setval($1, COALESCE((SELECT max("${column_name}") FROM "${table_name}"), 0) + 1, false)`, [seq]);
  }
}
