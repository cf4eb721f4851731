import { makeEvent, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Clock {
  kind: string;
  dueOn: string;
  state: string;
  provisional: boolean;
  usedWorkingDays: number;
  explanation: {
    skippedDays: { date: string; reason: string; holidayName?: string }[];
    makeUpWorkingDays: { date: string }[];
  };
}
interface CaseView {
  eventCount: number;
  clocks: Clock[];
  clocksProvisional: boolean;
}

describe('statutory clocks through the public API', () => {
  let t: TestApp;
  let scjg: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    scjg = t.admin.withToken(keys.SCJG);
  });
  afterAll(async () => t?.close());

  async function sendCase(caseId: string, acceptedAt: string): Promise<void> {
    const submitted = makeEvent({ caseId, seq: 1, occurredAt: acceptedAt.replace('T10', 'T09') });
    const accepted = makeEvent({ caseId, seq: 2, type: 'ACCEPTED', occurredAt: acceptedAt, data: {} });
    const r = await scjg.post<{ accepted: number }>('/api/v1/events', { events: [submitted, accepted] });
    expect(r.body.accepted).toBe(2);
  }

  const statutory = async (caseId: string, predicate: (c: Clock) => boolean = () => true) =>
    waitFor(async () => {
      const r = await t.admin.get<CaseView>(`/api/v1/cases/SCJG/${caseId}`);
      const clock = r.status === 200 ? r.body.clocks.find((c) => c.kind === 'DECISION_STATUTORY') : undefined;
      return clock && predicate(clock) ? clock : undefined;
    }, `statutory clock of ${caseId}`);

  it('counts the law example: accepted Friday 2025-09-26, 20 working days → due 2025-10-30, explained', async () => {
    await sendCase('national-day', '2025-09-26T10:00:00+08:00');
    const clock = await statutory('national-day');
    // Not `provisional`: this clock still runs today, so in December, before next year's calendar is
    // published, it is rightly provisional (the next test covers that rule).
    expect(clock).toMatchObject({ dueOn: '2025-10-30', state: 'breached' });
    const holidays = clock.explanation.skippedDays.filter((d) => d.reason === 'HOLIDAY').map((d) => d.date);
    expect(holidays).toEqual(expect.arrayContaining(['2025-10-01', '2025-10-08']));
    expect(clock.explanation.makeUpWorkingDays.map((d) => d.date)).toEqual(expect.arrayContaining(['2025-09-28', '2025-10-11']));
    const list = await t.admin.get<{ items: { caseId: string; nextCheckAt: string | null; clocks: unknown[] }[] }>(
      '/api/v1/cases?departmentCode=SCJG&status=ACCEPTED',
    );
    const row = list.body.items.find((c) => c.caseId === 'national-day');
    expect(row?.clocks.length).toBeGreaterThan(0);
  });

  it('marks a clock running into an unpublished year provisional, and makes it exact when the year is loaded', async () => {
    // Accepted Friday 2026-11-27: 20 working days run to 2026-12-25 counting Monday–Friday, and the
    // 2027 notice (not published yet) may still re-designate December 2026 days.
    await sendCase('year-end', '2026-11-27T10:00:00+08:00');
    const before = await statutory('year-end');
    expect(before).toMatchObject({ dueOn: '2026-12-25', provisional: true });

    const file2027 = {
      year: 2027,
      papers: ['http://www.gov.cn/example-2027-notice'],
      days: [
        { name: '元旦', date: '2026-12-24', isOffDay: true },
        { name: '元旦', date: '2027-01-01', isOffDay: true },
      ],
    };
    const put = await t.admin.put<{ published: boolean; recompute: string }>('/api/v1/calendars/2027', file2027);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ published: true, recompute: 'queued' });

    const after = await statutory('year-end', (c) => !c.provisional);
    expect(after.dueOn).toBe('2026-12-28');
    const got = await t.admin.get<{ source: string; file: { days: unknown[] } }>('/api/v1/calendars/2027');
    expect(got.body.source).toBe('loaded');
    expect(got.body.file.days).toHaveLength(2);
    const ready = await t.admin.get<{ warnings: { year: number }[] }>('/ready');
    expect(ready.body.warnings.map((w) => w.year)).not.toContain(2027);
  });

  it('recomputes every affected open case when a year is corrected, the work cut into key ranges that run side by side', async () => {
    // Enough open cases for the recompute to sample their keys and cut them into several ranges.
    const ids = Array.from({ length: 150 }, (_, i) => `range-${String(i).padStart(3, '0')}`);
    const events = ids.flatMap((caseId) => [
      makeEvent({ caseId, seq: 1, occurredAt: '2026-11-27T09:00:00+08:00' }),
      makeEvent({ caseId, seq: 2, type: 'ACCEPTED', occurredAt: '2026-11-27T10:00:00+08:00', data: {} }),
    ]);
    expect((await scjg.post('/api/v1/events', { events })).status).toBe(202);
    const withDue = (dueOn: string) =>
      countRows(
        t.databaseUrl,
        `SELECT count(*) AS n FROM cases, jsonb_array_elements(clocks) c
          WHERE case_id LIKE 'range-%' AND c->>'kind' = 'DECISION_STATUTORY' AND c->>'dueOn' = '${dueOn}'`,
      );
    // 2026-12-24 is already an off day (the 2027 file loaded above).
    await waitFor(async () => ((await withDue('2026-12-28')) === ids.length ? true : undefined), 'all cases projected');

    // A correction: 2026-12-22 is an off day too; every one of them moves a day later.
    const corrected = {
      year: 2027,
      papers: ['http://www.gov.cn/example-2027-notice-corrected'],
      days: [
        { name: '元旦', date: '2026-12-22', isOffDay: true },
        { name: '元旦', date: '2026-12-24', isOffDay: true },
        { name: '元旦', date: '2027-01-01', isOffDay: true },
      ],
    };
    expect((await t.admin.put('/api/v1/calendars/2027', corrected)).status).toBe(200);
    await waitFor(async () => ((await withDue('2026-12-29')) === ids.length ? true : undefined), 'every open case recomputed', 30_000);
    expect(await withDue('2026-12-28')).toBe(0);
  });

  it('refuses a bad calendar naming the field, and changes nothing', async () => {
    const mismatch = await t.admin.put<{ errors: { path: string }[] }>('/api/v1/calendars/2028', { year: 2029, papers: [], days: [] });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].path).toBe('year');
    const badDay = await t.admin.put<{ errors: { path: string; message: string }[] }>('/api/v1/calendars/2028', {
      year: 2028,
      papers: [],
      days: [{ name: '春节', date: '2030-02-01', isOffDay: true }],
    });
    expect(badDay.status).toBe(400);
    expect(badDay.body.errors[0].path).toBe('days[0].date');
    expect((await t.admin.get('/api/v1/calendars/2028')).status).toBe(404);
    const department = t.admin.withToken(null);
    expect((await department.put('/api/v1/calendars/2028', { year: 2028, papers: [], days: [] })).status).toBe(401);
  });
});
