import { DeadlineSchedulerService } from '../apps/api/src/alerts/deadline-scheduler.service';
import { FeedMonitorService } from '../apps/api/src/alerts/feed-monitor.service';
import { makeEvent, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const DAY = 86_400_000;

describe('FEED_SILENT: a silent department feed is flagged and holds back its overdue cards', () => {
  let t: TestApp;
  let scjg: ApiClient;
  const cards = (rule: string, caseLike = '%') =>
    countRows(t.databaseUrl, `SELECT count(*) AS n FROM alerts WHERE department_code = 'SCJG' AND rule = '${rule}' AND state = 'OPEN' AND case_id LIKE '${caseLike}'`);

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    scjg = t.admin.withToken((await setUpCatalogue(t.admin, MINI_CATALOGUE)).SCJG);
  });
  afterAll(async () => t?.close());

  it('raises FEED_SILENT, suppresses time-driven cards while silent, and releases them when the feed resumes', async () => {
    // A department that normally reports: 60 accepted cases, sent today.
    const acceptedAt = new Date(Date.now() - DAY).toISOString();
    const events = Array.from({ length: 30 }, (_, i) => [
      makeEvent({ caseId: `busy-${i}`, seq: 1, occurredAt: acceptedAt, data: { channel: 'WINDOW', documents: ['营业执照', '食品安全管理制度'] } }),
      makeEvent({ caseId: `busy-${i}`, seq: 2, type: 'ACCEPTED', occurredAt: acceptedAt, data: {} }),
    ]).flat();
    expect((await scjg.post<{ accepted: number }>('/api/v1/events', { events })).body.accepted).toBe(60);
    await waitFor(async () => ((await countRows(t.databaseUrl, `SELECT count(*) AS n FROM cases WHERE department_code = 'SCJG'`)) === 30 ? true : undefined), 'projected');

    const feeds = t.app.get(FeedMonitorService);
    const scheduler = t.app.get(DeadlineSchedulerService);
    expect((await feeds.check(new Date())).silenced).toEqual([]);

    // Weeks later, nothing more has arrived: the feed is silent.
    const later = new Date(Date.now() + 40 * DAY);
    expect((await feeds.check(later)).silenced).toEqual(['SCJG']);
    expect(await cards('FEED_SILENT')).toBe(1);
    await scheduler.tick(later);
    expect(await cards('STATUTORY_OVERDUE')).toBe(0);

    // The interface comes back: the silence card closes and the held-back cards are raised.
    await scjg.post('/api/v1/events', { events: [makeEvent({ caseId: 'resumed', seq: 1, occurredAt: new Date().toISOString() })] });
    expect((await feeds.check(new Date())).resumed).toEqual(['SCJG']);
    expect(await cards('FEED_SILENT')).toBe(0);
    await scheduler.tick(later);
    expect(await cards('STATUTORY_OVERDUE', 'busy-%')).toBe(30);
  });
});
