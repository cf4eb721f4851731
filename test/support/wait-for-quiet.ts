import { Client } from 'pg';

/**
 * Waits until nothing is left in flight, instead of sleeping before a "nothing else happened"
 * assertion (issue 17.6): every ingest batch projected, the outbox drained (every card event
 * published to sockets and notifications), and no notification delivery queued, being sent, or due
 * by `at` and not yet taken. Quiet must hold on two looks in a row, so a job that the last step
 * started is seen. Fails, naming what is still busy, if the system does not settle in time.
 */
export async function waitForQuiet(databaseUrl: string, options: { at?: Date; timeoutMs?: number } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let quietLooks = 0;
    let busy: Record<string, number> = {};
    while (quietLooks < 2) {
      const { rows } = await client.query<{ batches: string; outbox: string; deliveries: string }>(
        `SELECT (SELECT count(*) FROM ingest_batches WHERE projected_at IS NULL) AS batches,
                (SELECT count(*) FROM outbox WHERE published_at IS NULL) AS outbox,
                (SELECT count(*) FROM notification_deliveries
                  WHERE status IN ('QUEUED', 'SENDING') OR (status IN ('PENDING', 'RETRY') AND due_at <= $1)) AS deliveries`,
        [options.at ?? new Date()],
      );
      busy = { batches: Number(rows[0].batches), outbox: Number(rows[0].outbox), deliveries: Number(rows[0].deliveries) };
      quietLooks = Object.values(busy).every((n) => n === 0) ? quietLooks + 1 : 0;
      if (quietLooks >= 2) return;
      if (Date.now() > deadline) throw new Error(`the system did not become quiet in ${timeoutMs} ms: ${JSON.stringify(busy)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
