import { DataSource } from 'typeorm';
import { CaseProjectionService } from '../apps/api/src/cases/case-projection.service';
import { caseStory, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/**
 * A projection pass takes waiting batches along with its own (ADR 17). An api-only process consumes
 * no jobs, so the batches posted here wait, and the test drives the projection itself.
 */
describe('projecting a backlog of batches in shared passes', () => {
  let t: TestApp;
  let scjg: ApiClient;
  let zjj: ApiClient;
  let db: DataSource;
  let projection: CaseProjectionService;

  beforeAll(async () => {
    t = await startTestApp({ APP_ROLE: 'api' });
    const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    scjg = t.admin.withToken(keys.SCJG);
    zjj = t.admin.withToken(keys.ZJJ);
    db = t.app.get(DataSource);
    projection = t.app.get(CaseProjectionService);
  });
  afterAll(async () => t?.close());

  /** Posts one batch per step of the stories: batch n carries event n of every case. */
  async function postStepwise(caseIds: string[]): Promise<string[]> {
    const stories = caseIds.map((id) => caseStory('SCJG', id, 'SCJG-001'));
    for (let step = 0; step < stories[0].length; step++) {
      const r = await scjg.post('/api/v1/events', { events: stories.map((story) => story[step]) });
      expect(r.status).toBe(202);
    }
    const rows = await db.query<{ id: string }[]>(
      `SELECT DISTINCT b.id, b.received_at FROM ingest_batches b JOIN case_events e ON e.batch_id = b.id
        WHERE e.case_id = ANY($1) ORDER BY b.received_at`,
      [caseIds],
    );
    return rows.map((r) => r.id);
  }

  const unprojected = async (ids: string[]) =>
    Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM ingest_batches WHERE id = ANY($1::uuid[]) AND projected_at IS NULL', [ids]))[0].n);

  const stateOf = async (caseIds: string[]) =>
    db.query<{ case_id: string; status: string; event_count: number }[]>(
      'SELECT case_id, status, event_count FROM cases WHERE department_code = $1 AND case_id = ANY($2) ORDER BY case_id',
      ['SCJG', caseIds],
    );

  it("projects up to four of a department's waiting batches in one pass, each case once, and their own jobs then find nothing to do", async () => {
    // Another department's waiting batch is not taken along: it touches other cases.
    expect((await zjj.post('/api/v1/events', { events: caseStory('ZJJ', 'other-1', 'ZJJ-001').slice(0, 1) })).status).toBe(202);
    const [other] = await db.query<{ id: string }[]>("SELECT id FROM ingest_batches WHERE department_code = 'ZJJ' AND projected_at IS NULL");
    const caseIds = ['co-1', 'co-2', 'co-3'];
    const batches = await postStepwise(caseIds);
    expect(batches).toHaveLength(5);
    expect(await unprojected(batches)).toBe(5);

    // Three cases touched by four batches: projected once each, from the whole history committed
    // (which already holds the fifth batch's events: a projection always reads every stored event).
    expect(await projection.projectBatch(batches[0], new Date())).toBe(3);
    expect(await unprojected(batches)).toBe(1);
    expect(await unprojected([batches[4]])).toBe(1);
    expect(await unprojected([other.id])).toBe(1);
    expect(await projection.projectBatch(other.id, new Date())).toBe(1);

    for (const taken of batches.slice(1, 4)) expect(await projection.projectBatch(taken, new Date())).toBe(0);
    expect(await projection.projectBatch(batches[4], new Date())).toBe(3);
    expect(await stateOf(caseIds)).toEqual(caseIds.map((id) => ({ case_id: id, status: 'APPROVED', event_count: 5 })));
    expect(await unprojected(batches)).toBe(0);
  });

  it('jobs running side by side project every batch, none twice, and agree with one projection of the whole history', async () => {
    const caseIds = ['par-1', 'par-2'];
    const batches = await postStepwise(caseIds);
    const counts = await Promise.all(batches.map((id) => projection.projectBatch(id, new Date())));
    expect(await unprojected(batches)).toBe(0);
    // Every batch was in exactly one pass that projected something; the passes together saw both cases.
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(await stateOf(caseIds)).toEqual(caseIds.map((id) => ({ case_id: id, status: 'APPROVED', event_count: 5 })));
  });

  it('a job whose batch another pass holds projects other waiting batches, and ends only once its own is projected', async () => {
    const caseIds = ['held-1', 'held-2'];
    const batches = await postStepwise(caseIds);
    // Another pass holds the first batch (and would roll back).
    const holder = db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT 1 FROM ingest_batches WHERE id = $1 FOR UPDATE', [batches[0]]);
    let ended = false;
    const job = projection.projectBatch(batches[0], new Date()).finally(() => (ended = true));
    await waitFor(async () => ((await unprojected(batches.slice(1))) === 0 ? true : undefined), 'the other batches projected');
    expect(await unprojected([batches[0]])).toBe(1);
    expect(ended).toBe(false);
    await holder.rollbackTransaction();
    await holder.release();
    // Two passes of the two cases: the waiting batches first, then its own once the holder let go.
    expect(await job).toBe(4);
    expect(await unprojected(batches)).toBe(0);
    expect(await stateOf(caseIds)).toEqual(caseIds.map((id) => ({ case_id: id, status: 'APPROVED', event_count: 5 })));
  });
});
