import { Client } from 'pg';

/** Every projected case, in a stable order, without the projection timestamp. */
export async function dumpCases(databaseUrl: string): Promise<unknown[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT department_code, case_id, item_code, status, is_open, unknown_item, current_step,
              responsible_officer_id, submitted_at, accepted_at, decided_at, outcome,
              certificate_issued_at, closed_at, suspended, event_count, first_occurred_at,
              last_occurred_at, anomalies
         FROM cases ORDER BY department_code, case_id`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

export async function countRows(databaseUrl: string, sql: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}
