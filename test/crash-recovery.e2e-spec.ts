import { randomBytes } from 'node:crypto';
import { CaseEventInput } from '@app/contracts';
import { caseStory, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { AppProcess } from './support/app-process';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { createTestDatabase, TEST_REDIS_URL } from './support/test-database';
import { waitFor } from './support/wait-for';

describe('kill -9 during a load, then restart', () => {
  it('keeps every acknowledged event and projects every case it touched', async () => {
    const db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      ADMIN_TOKEN: `crash-${randomBytes(12).toString('hex')}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      QUEUE_PREFIX: `lmcrash-${randomBytes(4).toString('hex')}`,
      RECOVERY_INTERVAL_MS: '500',
    };
    const app = new AppProcess(env);
    try {
      await app.start();
      const keys = await setUpCatalogue(new ApiClient(app.baseUrl, env.ADMIN_TOKEN), MINI_CATALOGUE);
      const acknowledged: string[] = [];
      let attempted = 0;
      const sendLoop = (async () => {
        for (let batch = 0; batch < 400; batch++) {
          const events: CaseEventInput[] = [];
          for (let i = 0; i < 40; i++) events.push(...caseStory('SCJG', `k${batch}-${i}`, 'SCJG-001'));
          attempted++;
          try {
            const r = await new ApiClient(app.baseUrl, keys.SCJG).post<{ accepted: number }>('/api/v1/events', { events });
            if (r.status === 202) acknowledged.push(...events.map((e) => e.eventId));
          } catch {
            return; // the process is gone: stop sending, as a department system would until it is back
          }
        }
      })();
      await waitFor(async () => (acknowledged.length >= 2000 ? true : undefined), 'some load acknowledged');
      await app.crash();
      await sendLoop;
      expect(attempted).toBeGreaterThan(10);

      await app.start();
      const stored = await countRows(db.url, `SELECT count(*) AS n FROM case_events`);
      expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
      const missing = await countRows(
        db.url,
        `SELECT count(*) AS n FROM unnest(ARRAY[${acknowledged.map((id) => `'${id}'`).join(',')}]::varchar[]) AS a(id)
          WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.department_code = 'SCJG' AND e.event_id = a.id)`,
      );
      expect(missing).toBe(0);
      // A job the killed process held stays "active" in BullMQ until its lock expires (30 s) and the
      // next stalled-job check (every 30 s) hands it back; with a slow restart on a busy machine that
      // is past a minute. Recovery, not its speed, is what this test is about.
      await waitFor(
        async () => ((await countRows(db.url, 'SELECT count(*) AS n FROM ingest_batches WHERE projected_at IS NULL')) === 0 ? true : undefined),
        'every committed batch projected after restart',
        150_000,
      );
      const unprojectedCases = await countRows(
        db.url,
        `SELECT count(*) AS n FROM (SELECT department_code, case_id, count(*) AS n FROM case_events GROUP BY 1, 2) e
           LEFT JOIN cases c USING (department_code, case_id)
          WHERE c.event_count IS DISTINCT FROM e.n`,
      );
      expect(unprojectedCases).toBe(0);
    } finally {
      await app.stop();
      await db.drop();
    }
  }, 420_000);
});
