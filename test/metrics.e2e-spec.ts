import parsePrometheusTextFormat, { ParsedFamily } from 'parse-prometheus-text-format';
import { DataSource } from 'typeorm';
import { handledCase, TWO_REGIONS } from './fixtures/two-regions-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { clientsPerKind } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { WallSocketProbe } from './support/wall-socket';

/** The value of one sample of a family, found by its labels. */
function sample(families: ParsedFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  const family = families.find((f) => f.name === name);
  const found = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return found?.value === undefined ? (found?.count === undefined ? undefined : Number(found.count)) : Number(found.value);
}

describe('GET /metrics (Prometheus)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  async function scrape(): Promise<ParsedFamily[]> {
    const r = await t.admin.get<string>('/metrics');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain');
    return parsePrometheusTextFormat(r.body);
  }

  it('refuses a scrape without credentials (401) and one by a principal without the operator permission (403)', async () => {
    expect((await t.admin.withToken(null).get('/metrics')).status).toBe(401);
    expect((await t.admin.withToken('lmk_0000000000000000_forged').get('/metrics')).status).toBe(401);
    const keys = await setUpCatalogue(t.admin, TWO_REGIONS);
    const clients = await clientsPerKind(t.admin, { own: 'DA', ownRegion: 'RA', ownOfficer: 'O-DA-2', departmentKey: keys.DA });
    expect((await clients.centre_supervisor.get('/metrics')).status).toBe(403);
    expect((await clients.centre_admin.get('/metrics')).status).toBe(200);
  });

  it('counts ingest outcomes, follows projection and the queue, and describes the stored state', async () => {
    const keys = await setUpCatalogue(t.admin, TWO_REGIONS);
    const events = handledCase('DA', 'metrics-case', 'O-DA-2');
    const sent = await t.admin.withToken(keys.DA).post<{ accepted: number }>('/api/v1/events', {
      events: [...events, { ...events[0], eventId: 'not-for-this-key', departmentCode: 'DB' }],
    });
    expect(sent.status).toBe(202);
    await t.admin.withToken(keys.DA).post('/api/v1/events', { events: events.slice(0, 1) });
    await waitFor(async () => ((await t.admin.get<{ total: number }>('/api/v1/cases?departmentCode=DA')).body.total >= 1 ? true : undefined), 'case projected');
    const probe = new WallSocketProbe(t.baseUrl, t.admin.token);
    expect(await probe.outcome()).toBeNull();

    const families = await waitFor(async () => {
      const f = await scrape();
      return sample(f, 'lm_unprojected_batches') === 0 ? f : undefined;
    }, 'every batch projected as the metrics see it');
    probe.socket.close();

    expect(sample(families, 'lm_ingest_events_total', { outcome: 'accepted' })).toBe(events.length);
    expect(sample(families, 'lm_ingest_events_total', { outcome: 'rejected' })).toBe(1);
    expect(sample(families, 'lm_ingest_events_total', { outcome: 'duplicate' })).toBe(1);
    expect(sample(families, 'lm_ingest_requests_total')).toBe(2);
    expect(sample(families, 'lm_projection_lag_seconds')).toBe(0);
    expect(sample(families, 'lm_metrics_source_up', { source: 'database' })).toBe(1);
    expect(sample(families, 'lm_metrics_source_up', { source: 'queue' })).toBe(1);
    for (const state of ['waiting', 'delayed', 'active', 'failed']) expect(sample(families, 'lm_job_queue_jobs', { state })).toBeGreaterThanOrEqual(0);
    expect(sample(families, 'lm_open_cards', { level: 'RED' })).toBeGreaterThanOrEqual(0);
    expect(sample(families, 'lm_outbox_depth')).toBeGreaterThanOrEqual(0);
    expect(sample(families, 'lm_notification_dead_letters')).toBe(0);
    expect(sample(families, 'lm_socket_connections', { namespace: '/wall' })).toBe(1);
    expect(sample(families, 'lm_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(families, 'lm_db_pool_max')).toBe(t.config.databasePoolSize);
    expect(sample(families, 'lm_calendar_missing_years')).toBeGreaterThanOrEqual(0);
    expect(families.find((f) => f.name === 'lm_scheduler_tick_seconds')?.type).toBe('HISTOGRAM');
    expect(families.find((f) => f.name === 'lm_process_nodejs_eventloop_lag_seconds')?.type).toBe('GAUGE');
  });

  it('shows the age of the oldest unprojected batch (what the projection-lag alert watches)', async () => {
    // A batch committed but never projected (its job lost): what the recovery sweep and the alert rule are for.
    await t.app.get(DataSource).query(
      `INSERT INTO ingest_batches (id, department_code, event_count, received_at, projected_at) VALUES (gen_random_uuid(), 'DA', 1, now() - interval '10 minutes', NULL)`,
    );
    const families = await scrape();
    expect(sample(families, 'lm_unprojected_batches')).toBeGreaterThanOrEqual(1);
    expect(sample(families, 'lm_projection_lag_seconds')).toBeGreaterThanOrEqual(600);
  });
});
