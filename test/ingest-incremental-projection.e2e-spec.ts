import { DataSource } from 'typeorm';
import { CaseEventInput } from '@app/contracts';
import { CaseProjectionService } from '../apps/api/src/cases/case-projection.service';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { tableDigests } from './support/table-digests';
import { startTestApp, TestApp } from './support/test-app';

/** Every projection of this file runs at one instant, so a recompute at it must write the same rows. */
const NOW = new Date('2025-11-28T02:00:00.000Z');

const at = (day: number, hour: number) => `2025-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/**
 * Histories that exercise the fold's state across batches: a correction round, suspensions from
 * two statuses (the status a RESUMED returns to lives in the cursor), an extension approved by
 * someone who is not a head (a card), an acceptance with documents missing (a card), a case still
 * open.
 */
function story(caseId: string, variant: number, withSeq = true): CaseEventInput[] {
  const lines: [string, string, Record<string, unknown>][] =
    variant === 0
      ? [
          ['SUBMITTED', at(10, 9), { channel: 'WINDOW', documents: ['营业执照', '食品安全管理制度'] }],
          ['ACCEPTED', at(10, 11), {}],
          ['STEP_STARTED', at(11, 9), { step: 'REVIEW' }],
          ['CORRECTION_REQUESTED', at(11, 15), { missing: ['食品安全管理制度'] }],
          ['CORRECTION_SUBMITTED', at(12, 10), { documents: ['食品安全管理制度'] }],
          ['SUSPENDED', at(13, 15), { reason: 'TESTING', expectedDays: 3, noticeIssued: true }],
          ['RESUMED', at(17, 10), {}],
          ['STEP_COMPLETED', at(18, 16), { step: 'REVIEW' }],
          ['EXTENDED', at(19, 10), { days: 5, approvedBy: 'O-SCJG-2', reason: '需补充检验' }],
          ['DECIDED', at(20, 11), { outcome: 'APPROVED' }],
        ]
      : variant === 1
        ? [
            ['SUBMITTED', at(14, 9), { channel: 'ONLINE', documents: ['营业执照'] }],
            ['ACCEPTED', at(14, 10), { documents: ['营业执照'] }],
            ['SUSPENDED', at(17, 9), { reason: 'EXPERT_REVIEW', expectedDays: 5, noticeIssued: true }],
            ['RESUMED', at(19, 9), {}],
          ]
        : [
            ['SUBMITTED', at(11, 9), { channel: 'ONLINE', documents: ['营业执照', '食品安全管理制度'] }],
            ['ACCEPTED', at(11, 10), {}],
            ['STEP_STARTED', at(12, 9), { step: 'REVIEW' }],
            ['STEP_COMPLETED', at(14, 16), { step: 'REVIEW' }],
            ['DECIDED', at(17, 11), { outcome: 'DENIED' }],
          ];
  return lines.map(([type, occurredAt, data], i) => ({
    eventId: `${caseId}-e${i + 1}`,
    departmentCode: 'SCJG',
    caseId,
    itemCode: 'SCJG-001',
    type,
    occurredAt,
    ...(withSeq ? { seq: i + 1 } : {}),
    officerId: 'O-SCJG-2',
    data,
  })) as CaseEventInput[];
}

/**
 * The worker folds a case's new events on from its stored fold (ADR 17). An api-only process
 * consumes no jobs, so the test drives each projection pass itself, then re-derives every case
 * from its whole history — the oracle — and requires the database to be unchanged by it.
 */
describe('incremental projection equals the full re-derivation', () => {
  let t: TestApp;
  let scjg: ApiClient;
  let db: DataSource;
  let projection: CaseProjectionService;

  beforeAll(async () => {
    t = await startTestApp({ APP_ROLE: 'api' });
    const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    scjg = t.admin.withToken(keys.SCJG);
    db = t.app.get(DataSource);
    projection = t.app.get(CaseProjectionService);
  });
  afterAll(async () => t?.close());

  /** Posts one batch and projects it (and only it: nothing else waits). */
  async function sendAndProject(events: CaseEventInput[]): Promise<void> {
    const r = await scjg.post<{ accepted: number; rejected: unknown[] }>('/api/v1/events', { events });
    expect(r.status).toBe(202);
    expect(r.body.rejected).toEqual([]);
    const [batch] = await db.query<{ id: string }[]>('SELECT id FROM ingest_batches WHERE projected_at IS NULL');
    expect(await projection.projectBatch(batch.id, NOW)).toBeGreaterThan(0);
  }

  /** Re-derives the given cases from their whole histories, as a recompute does. */
  async function rederive(caseIds: string[]): Promise<void> {
    const keys = caseIds.map((caseId) => ({ departmentCode: 'SCJG', caseId }));
    await db.transaction((manager) => projection.projectCases(keys, NOW, manager, { rederive: true }));
  }

  const digests = async () => tableDigests(t.databaseUrl);

  it('histories sent in order over several batches, folded on at each, are what a full recompute writes: case rows, clocks, cards, rollups', async () => {
    const stories = Array.from({ length: 6 }, (_, i) => story(`inc-${i}`, i % 3));
    const paths = { ...projection.foldPaths };
    let batches = 0;
    // Batch n carries each case's next three events: a suspension and its end fall in different
    // batches, so the status a RESUMED returns to comes from the stored cursor.
    for (let step = 0; step < 10; step += 3) {
      const events = stories.flatMap((s) => s.slice(step, step + 3));
      if (events.length === 0) continue;
      await sendAndProject(events);
      batches++;
    }
    expect(batches).toBe(4);
    // Every projection after a case's first went on from the stored fold.
    const folded = projection.foldPaths.incremental - paths.incremental;
    expect(projection.foldPaths.full - paths.full).toBe(6);
    // Variant 0 (10 events): four batches, three folded on; variants 1 and 2 (4 and 5 events): two, one.
    expect(folded).toBe(2 * (3 + 1 + 1));

    const cases = await db.query<{ case_id: string; status: string; event_count: number; fold_cursor: { last: { seq: number } } }[]>(
      "SELECT case_id, status, event_count, fold_cursor FROM cases WHERE case_id LIKE 'inc-%' ORDER BY case_id",
    );
    expect(cases.map((c) => [c.case_id, c.status, c.event_count, c.fold_cursor.last.seq])).toEqual([
      ['inc-0', 'APPROVED', 10, 10],
      ['inc-1', 'ACCEPTED', 4, 4],
      ['inc-2', 'DENIED', 5, 5],
      ['inc-3', 'APPROVED', 10, 10],
      ['inc-4', 'ACCEPTED', 4, 4],
      ['inc-5', 'DENIED', 5, 5],
    ]);
    const cards = await db.query<{ case_id: string; rule: string }[]>("SELECT case_id, rule FROM alerts WHERE case_id LIKE 'inc-%' ORDER BY case_id, rule");
    // The histories raise cards, so the comparison below covers them.
    expect(cards.length).toBeGreaterThan(0);

    const before = await digests();
    const full = projection.foldPaths.full;
    await rederive(stories.map((s) => s[0].caseId));
    expect(projection.foldPaths.full - full).toBe(6);
    expect(await digests()).toEqual(before);
  });

  it('a late event that sorts before the stored fold makes the worker fold the whole history, and the result is still what a recompute writes', async () => {
    const events = story('late-1', 0);
    await sendAndProject(events.slice(0, 4));
    // Event 5 is lost on the way; 6 and 7 come first.
    await sendAndProject(events.slice(5, 7));
    const paths = { ...projection.foldPaths };
    await sendAndProject([events[4]]);
    expect(projection.foldPaths.full - paths.full).toBe(1);
    expect(projection.foldPaths.incremental - paths.incremental).toBe(0);
    // What follows goes on from the re-derived fold.
    await sendAndProject(events.slice(7));
    expect(projection.foldPaths.incremental - paths.incremental).toBe(1);

    const [row] = await db.query<{ status: string; event_count: number; anomalies: string[] }[]>(
      "SELECT status, event_count, anomalies FROM cases WHERE case_id = 'late-1'",
    );
    expect(row).toMatchObject({ status: 'APPROVED', event_count: 10 });
    const before = await digests();
    await rederive(['late-1']);
    expect(await digests()).toEqual(before);
  });

  it('without sequence numbers, an event back-dated before the last one folded is folded in its place', async () => {
    const events = story('late-2', 2, false);
    await sendAndProject([events[0], events[1], events[3]]);
    const paths = { ...projection.foldPaths };
    await sendAndProject([events[2]]);
    expect(projection.foldPaths.full - paths.full).toBe(1);
    await sendAndProject([events[4]]);
    expect(projection.foldPaths.incremental - paths.incremental).toBe(1);
    const [row] = await db.query<{ status: string; current_step: string | null }[]>("SELECT status, current_step FROM cases WHERE case_id = 'late-2'");
    expect(row).toEqual({ status: 'DENIED', current_step: null });
    const before = await digests();
    await rederive(['late-2']);
    expect(await digests()).toEqual(before);
  });
});
