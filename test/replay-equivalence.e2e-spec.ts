import { CaseEventInput } from '@app/contracts';
import { caseStory, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { countRows, dumpCases } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { chunk, seededRandom, shuffle } from './support/shuffle';
import { startTestApp, TestApp } from './support/test-app';

/** 2,000 cases × 5 events: 10,000 events, with a few histories that end in other states. */
function buildEvents(): CaseEventInput[] {
  const events: CaseEventInput[] = [];
  for (let i = 0; i < 2000; i++) {
    const dept = i % 2 === 0 ? 'SCJG' : 'ZJJ';
    const story = caseStory(dept, `c${i}`, dept === 'SCJG' ? 'SCJG-001' : 'ZJJ-001', 3 + (i % 20));
    if (i % 7 === 0) {
      // Same seq missing: ordering then falls back to occurredAt.
      for (const e of story) delete e.seq;
    }
    if (i % 11 === 0) story[4] = { ...story[4], type: 'WITHDRAWN', data: { reason: '申请人撤回' } };
    events.push(...story);
  }
  return events;
}

async function sendAll(clients: Record<string, ApiClient>, events: CaseEventInput[]): Promise<number> {
  let accepted = 0;
  const byDept = new Map<string, CaseEventInput[]>();
  for (const e of events) {
    const list = byDept.get(e.departmentCode) ?? [];
    list.push(e);
    byDept.set(e.departmentCode, list);
  }
  for (const [dept, list] of byDept) {
    for (const batch of chunk(list, 500)) {
      const r = await clients[dept].post<{ accepted: number; rejected: unknown[] }>('/api/v1/events', { events: batch });
      if (r.status !== 202 || r.body.rejected.length > 0) throw new Error(`ingest failed: ${r.status} ${JSON.stringify(r.body)}`);
      accepted += r.body.accepted;
    }
  }
  return accepted;
}

async function runScenario(order: (events: CaseEventInput[]) => CaseEventInput[][]): Promise<unknown[]> {
  let t: TestApp | undefined;
  try {
    t = await startTestApp();
    const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    const clients = Object.fromEntries(Object.entries(keys).map(([d, k]) => [d, t!.admin.withToken(k)]));
    let accepted = 0;
    for (const pass of order(buildEvents())) accepted += await sendAll(clients, pass);
    expect(accepted).toBe(10_000);
    await untilEveryBatchProjected(t.databaseUrl);
    return await dumpCases(t.databaseUrl);
  } finally {
    await t?.close();
  }
}

/**
 * Waits while the system makes progress: on a busy CI machine 20,000 events can take minutes to
 * project, and the cards the first batches raise are notified first (notification jobs go ahead of
 * bulk projection on purpose, job-names.ts), so progress is a batch projected or a notification
 * written. A batch that is never projected while nothing else moves fails the test after a minute.
 */
async function untilEveryBatchProjected(url: string): Promise<void> {
  let lastWork = -1;
  let lastProgressAt = Date.now();
  for (;;) {
    const left = await countRows(url, 'SELECT count(*) AS n FROM ingest_batches WHERE projected_at IS NULL');
    if (left === 0) return;
    const work = await countRows(
      url,
      `SELECT (SELECT count(*) FROM ingest_batches WHERE projected_at IS NOT NULL)
            + (SELECT count(*) FROM notification_deliveries) + (SELECT count(*) FROM notification_attempts)
            + (SELECT count(*) FROM notifications) AS n`,
    );
    if (work > lastWork) [lastWork, lastProgressAt] = [work, Date.now()];
    if (Date.now() - lastProgressAt > 60_000) throw new Error(`${left} batch(es) not projected, nothing done for 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('replay equivalence: 10,000 events', () => {
  it('sent twice, shuffled and duplicated, give the same case states as one in-order pass', async () => {
    const inOrder = await runScenario((events) => [events]);
    const random = seededRandom(20251126);
    const messy = await runScenario((events) => {
      const duplicated = [...events, ...events.filter(() => random() < 0.1)];
      return [shuffle(duplicated, random), shuffle(events, random)];
    });
    expect(inOrder).toHaveLength(2000);
    expect(messy).toEqual(inOrder);
    const statuses = new Set((inOrder as { status: string }[]).map((c) => c.status));
    expect(statuses).toEqual(new Set(['APPROVED', 'WITHDRAWN']));
  }, 600_000);
});
