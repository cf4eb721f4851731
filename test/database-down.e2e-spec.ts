import { makeEvent, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { TcpProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

describe('database unavailable', () => {
  const proxy = new TcpProxy('127.0.0.1', 5432);
  let t: TestApp;
  let scjg: ApiClient;

  beforeAll(async () => {
    await proxy.start();
    t = await startTestApp({}, { routeDatabaseUrl: (url) => url.replace('127.0.0.1:5432', `127.0.0.1:${proxy.port}`) });
    const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    scjg = t.admin.withToken(keys.SCJG);
  });
  afterAll(async () => {
    await t?.close();
    await proxy.stop();
  });

  it('answers 503 (never 500, never 202) while the database is down, stores nothing, and recovers', async () => {
    const before = makeEvent();
    expect((await scjg.post('/api/v1/events', { events: [before] })).status).toBe(202);

    proxy.cut();
    const during = makeEvent();
    const down = await scjg.post<{ message: string }>('/api/v1/events', { events: [during] });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(down.body.message).toMatch(/nothing was stored/);
    // Not ready; the reasons are in the log: not even the operator's token can be checked without the database.
    const ready = await t.admin.get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'not-ready' });

    proxy.restore();
    const after = makeEvent();
    const recovered = await waitFor(async () => {
      const r = await scjg.post<{ accepted: number }>('/api/v1/events', { events: [after] });
      return r.status === 202 ? r : undefined;
    }, 'ingest to recover');
    expect(recovered.body.accepted).toBe(1);
    const stored = await countRows(
      t.databaseUrl,
      `SELECT count(*) AS n FROM case_events WHERE event_id IN ('${before.eventId}', '${during.eventId}', '${after.eventId}')`,
    );
    expect(stored).toBe(2);
    expect((await t.admin.get('/ready')).status).toBe(200);
  });
});
