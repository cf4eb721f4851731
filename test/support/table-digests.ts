import { Client } from 'pg';

/**
 * Every table's row count and a digest of its rows (as JSON, in UTC, sorted): two databases with the
 * same digests hold the same data, whatever order or server version they were written in.
 */
export async function tableDigests(url: string, skip: readonly string[] = []): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    const digests: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables.rows) {
      if (skip.includes(name)) continue;
      const r = await client.query<{ rows: string; md5: string }>(
        `SELECT count(*) AS rows, md5(COALESCE(string_agg(j, E'\\n' ORDER BY j), '')) AS md5 FROM (SELECT row_to_json(t)::text AS j FROM "${name}" t) rows`,
      );
      digests[name] = { rows: Number(r.rows[0].rows), md5: r.rows[0].md5 };
    }
    return digests;
  } finally {
    await client.end();
  }
}
