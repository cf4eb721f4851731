import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { DeadlineSchedulerService } from '../apps/api/src/alerts/deadline-scheduler.service';
import { NOVEMBER_EVENTS, REPORTS_CATALOGUE, story } from './fixtures/reports-november';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Report {
  subject: { name: string; departmentCount: number };
  metrics: Record<string, unknown> & { accepted: number; completed: number; cards: { total: number; byLevel: Record<string, number> } };
  daily: { day: string; accepted: number; completed: number }[];
  departments: { code: string }[];
}

interface Rebuild {
  differenceCount: number;
  cases: number;
  results: { departmentCode: string; differences: unknown[] }[];
}

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const NOVEMBER = '?from=2025-11-01&to=2025-11-30';
const execFileAsync = promisify(execFile);
/** The built CLI (`npm test` builds dist/ first). */
const CLI = path.resolve(__dirname, '../dist/apps/api/src/cli.js');

describe('compliance reports: hand-built November through the public API', () => {
  let t: TestApp;
  let keys: Record<string, string>;

  const allProjected = async (cases: number) => {
    await waitFor(async () => {
      const pending = await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM ingest_batches WHERE projected_at IS NULL');
      const projected = await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM cases');
      return pending === 0 && projected === cases ? true : undefined;
    }, 'every batch projected');
  };
  const send = async (department: string, events: unknown[]) => {
    const r = await t.admin.withToken(keys[department]).post<{ rejected: unknown[] }>('/api/v1/events', { events });
    expect(r.status).toBe(202);
    expect(r.body.rejected).toEqual([]);
  };
  const report = async (path: string) => {
    const r = await t.admin.get<Report>(path);
    expect(r.status).toBe(200);
    return r.body;
  };
  const rollupRows = () => countRows(t.databaseUrl, 'SELECT count(*) AS n FROM report_daily_rollups');
  const verify = async () => (await t.admin.post<Rebuild>('/api/v1/reports/rollups/rebuild', { dryRun: true })).body;

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    keys = await setUpCatalogue(t.admin, REPORTS_CATALOGUE);
    await send('SCJG', NOVEMBER_EVENTS.SCJG);
    await send('ZJJ', NOVEMBER_EVENTS.ZJJ);
    await allProjected(9);
  });
  afterAll(async () => t?.close());

  it('gives every metric of the department report as computed by hand', async () => {
    const m = (await report(`/api/v1/reports/departments/SCJG${NOVEMBER}`)).metrics;
    expect(m).toMatchObject({ accepted: 6, completed: 3, terminated: 1, inProgressAtStart: 1, inProgressAtEnd: 3, submissions: 7, suspensions: 1, corrections: 1 });
    expect(m.onTime).toEqual({ count: 2, rate: 2 / 3 });
    expect(m.early).toEqual({ count: 1, rate: 1 / 3 });
    expect(m.overdue).toEqual({
      promised: { completedLate: 1, openAtEnd: 1, count: 2, rate: 2 / 6 },
      statutory: { completedLate: 0, openAtEnd: 1, count: 1, rate: 1 / 6 },
    });
    expect(m.workingDays).toEqual({ averageUsed: 6, averagePromisedLimit: 20 / 3, averageStatutoryLimit: 15 });
    expect(m.promisedLimitCompression).toEqual({ rate: 0.6, items: 2 });
    expect(m.immediate).toEqual({ count: 1, rate: 1 / 6 });
    // Every event was sent a year after it happened.
    expect(m.reporting).toEqual({ events: 22, late: 22, timelyRate: 0 });
    // Cards are raised when the centre sees the events (now), not in November 2025.
    expect(m.cards.total).toBe(0);
  });

  it('splits the completed cases into 提前 / 按时 / 超期 against each limit and gives the 提速率, in JSON, CSV and HTML', async () => {
    const path = `/api/v1/reports/departments/SCJG${NOVEMBER}`;
    const m = (await report(path)).metrics as unknown as {
      timeliness: Record<'promised' | 'statutory', Record<'early' | 'onTime' | 'late', { count: number; rate: number | null }>>;
      speedUp: { promised: number | null; actual: number | null };
    };
    // Promised: A early (5 of 10), D on time (immediate, limit 0), B late (13 of 10).
    expect(m.timeliness.promised).toEqual({ early: { count: 1, rate: 1 / 3 }, onTime: { count: 1, rate: 1 / 3 }, late: { count: 1, rate: 1 / 3 } });
    // Statutory: A 5 of 20, B 13 of 20, D 0 of 5 — all with days to spare.
    expect(m.timeliness.statutory).toEqual({ early: { count: 3, rate: 1 }, onTime: { count: 0, rate: 0 }, late: { count: 0, rate: 0 } });
    // Promised 提速率 = the catalogue's compression 0.6; achieved = 1 − 18 used ÷ 45 statutory days = 0.6.
    expect(m.speedUp.promised).toBeCloseTo(0.6, 10);
    expect(m.speedUp.actual).toBeCloseTo(0.6, 10);
    const csv = await t.admin.get<string>(`${path}&format=csv`);
    const lines = new Map(csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => [line.split(',')[0], line.split(',')]));
    expect(lines.get('timeliness.promised.late.count')).toEqual(['timeliness.promised.late.count', '超期办结件数（承诺时限）', '1']);
    expect(Number(lines.get('timeliness.statutory.early.rate')?.[2])).toBe(1);
    expect(Number(lines.get('speedUp.actual')?.[2])).toBeCloseTo(0.6, 10);
    const html = await t.admin.get<string>(`${path}&format=html`);
    expect(html.body).toContain('超期办结率（承诺时限）');
    expect(html.body).toContain('实际提速率');
  });

  it('adds up a quarter, a region and the city from the same rollup', async () => {
    const quarter = (await report('/api/v1/reports/departments/SCJG?quarter=2025Q4')).metrics;
    expect(quarter).toMatchObject({ accepted: 7, completed: 4, inProgressAtStart: 0, inProgressAtEnd: 2 });
    const region = await report(`/api/v1/reports/regions/R1${NOVEMBER}`);
    expect(region.subject).toMatchObject({ name: '东城区', departmentCount: 1 });
    expect(region.metrics.accepted).toBe(6);
    const city = await report(`/api/v1/reports/city${NOVEMBER}`);
    expect(city.metrics).toMatchObject({ accepted: 7, completed: 4, onTime: { count: 3, rate: 0.75 }, early: { count: 2, rate: 0.5 } });
    expect(city.departments.map((d) => d.code)).toEqual(['SCJG', 'ZJJ']);
    expect(city.daily.find((d) => d.day === '2025-11-03')).toMatchObject({ accepted: 2, completed: 0 });
  });

  it('counts the cards raised in a period by level, as the cards API lists them', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const m = (await report(`/api/v1/reports/departments/SCJG?from=${today}&to=${today}`)).metrics;
    const cards = await t.admin.get<{ items: { level: string; state: string }[] }>('/api/v1/alerts?departmentCode=SCJG&pageSize=500');
    const byLevel: Record<string, number> = {};
    for (const card of cards.body.items.filter((c) => c.state !== 'DISMISSED')) byLevel[card.level] = (byLevel[card.level] ?? 0) + 1;
    expect(m.cards.total).toBeGreaterThan(0);
    expect(m.cards.byLevel).toEqual(byLevel);
  });

  it('never counts a case twice: duplicates, scheduler re-projections and a late event keep the rollup exact', async () => {
    const before = await report(`/api/v1/reports/departments/SCJG${NOVEMBER}`);
    await send('SCJG', NOVEMBER_EVENTS.SCJG);
    await t.app.get(DeadlineSchedulerService).tick(new Date(Date.now() + 3 * 86_400_000));
    await allProjected(9);
    expect((await report(`/api/v1/reports/departments/SCJG${NOVEMBER}`)).metrics).toEqual(before.metrics);
    expect((await verify()).differenceCount).toBe(0);

    // C is decided late on 11-28 (reported a year later): completed late on both limits.
    const decided = story('SCJG', 'C', 'SCJG-001', [['SUBMITTED', '2025-10-20 09'], ['ACCEPTED', '2025-10-20 10'], ['DECIDED', '2025-11-28 10']]);
    await send('SCJG', decided);
    await waitFor(async () => ((await countRows(t.databaseUrl, `SELECT count(*) AS n FROM cases WHERE case_id = 'C' AND decided_at IS NOT NULL`)) === 1 ? true : undefined), 'C decided');
    await allProjected(9);
    const after = (await report(`/api/v1/reports/departments/SCJG${NOVEMBER}`)).metrics;
    expect(after).toMatchObject({ completed: 4, inProgressAtEnd: 2, onTime: { count: 2, rate: 0.5 } });
    expect(after.overdue).toMatchObject({ promised: { completedLate: 2, openAtEnd: 0 }, statutory: { completedLate: 1, openAtEnd: 0 } });
    expect((await verify()).differenceCount).toBe(0);
  });

  it('rebuilds the rollup from the stored data to exactly what the projection kept; a tampered rollup is found and fixed', async () => {
    const dump = () => t.admin.get<Report>(`/api/v1/reports/city${NOVEMBER}`);
    const kept = (await dump()).body;
    const rows = await rollupRows();
    const rebuilt = await t.admin.post<Rebuild>('/api/v1/reports/rollups/rebuild', {});
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toMatchObject({ differenceCount: 0, cases: 9 });
    expect(await rollupRows()).toBe(rows);
    expect((await dump()).body.metrics).toEqual(kept.metrics);

    await countRows(t.databaseUrl, `WITH x AS (UPDATE report_daily_rollups SET accepted = accepted + 5 WHERE department_code = 'SCJG' AND day = '2025-11-03' RETURNING 1) SELECT count(*) AS n FROM x`);
    const found = await verify();
    expect(found.differenceCount).toBe(1);
    expect(found.results.find((r) => r.departmentCode === 'SCJG')?.differences).toEqual([{ day: '2025-11-03', counter: 'accepted', stored: 7, recomputed: 2 }]);
    await t.admin.post('/api/v1/reports/rollups/rebuild', { departmentCode: 'SCJG' });
    expect((await verify()).differenceCount).toBe(0);
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'reports.rollups.rebuild'`)).toBe(2);
  });

  it('verifies the rollup from the command line (reports:rebuild-rollups --verify)', async () => {
    // Asynchronously: the server answering the CLI runs in this very process.
    const run = await execFileAsync(process.execPath, [CLI, 'reports:rebuild-rollups', '--verify', '--url', t.baseUrl, '--token', t.admin.token!], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('SCJG: 8 cases');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('verified 2 department(s), 9 cases, 0 difference(s)');
  });

  it('exports the monitoring data read-only (CSV, XLSX) for the other supervisory departments, within scope', async () => {
    const csv = await t.admin.get<string>(`/api/v1/reports/exports/monitoring${NOVEMBER}`);
    expect(csv.status).toBe(200);
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
    expect(rows[0].slice(0, 4)).toEqual(['部门', '办件编号', '事项', '状态']);
    // Accepted in November: A B D E H I of SCJG and J of ZJJ (C was accepted in October, F never).
    expect(rows.slice(1).map((r) => r[1])).toEqual(['A', 'B', 'D', 'E', 'H', 'I', 'J']);
    expect(rows.find((r) => r[1] === 'B')?.slice(8, 13)).toEqual(['2025-11-17', 'breached', '2025-12-01', 'met', '13']);
    expect(csv.headers.get('x-truncated')).toBe('false');
    const response = await fetch(`${t.baseUrl}/api/v1/reports/exports/monitoring${NOVEMBER}&departmentCode=ZJJ&format=xlsx`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.getWorksheet('办件监察数据')?.getRow(2).getCell(2).value).toBe('J');
  });

  it('renders CSV and XLSX with the same figures', async () => {
    const csv = await t.admin.get<string>(`/api/v1/reports/departments/SCJG${NOVEMBER}&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = new Map(csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => [line.split(',')[0], line.split(',')]));
    expect(lines.get('accepted')).toEqual(['accepted', '受理件数', '6']);
    expect(Number(lines.get('onTime.rate')?.[2])).toBeCloseTo(2 / 4, 10);

    const response = await fetch(`${t.baseUrl}/api/v1/reports/departments/SCJG${NOVEMBER}&format=xlsx&lang=en`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['Metrics', 'Daily', 'Cards']);
    const metrics = book.getWorksheet('Metrics')!;
    const byKey = new Map<string, ExcelJS.Row>();
    metrics.eachRow((row) => byKey.set(row.getCell(3).text, row));
    expect(byKey.get('accepted')?.getCell(1).value).toBe('Accepted');
    expect(byKey.get('accepted')?.getCell(2).value).toBe(6);
    expect(byKey.get('onTime.rate')?.getCell(2).value).toBeCloseTo(0.5, 10);
    expect(byKey.get('onTime.rate')?.getCell(2).numFmt).toBe('0.0%');
    expect(metrics.getCell('A2').value).toBe('市场监督管理局 2025-11-01 — 2025-11-30');
    const daily = book.getWorksheet('Daily')!;
    expect(daily.getRow(1).values).toEqual([undefined, 'Day', 'Accepted', 'Completed', 'Ended without decision']);
    expect(daily.actualRowCount - 1).toBe(30);
    // The day is a date cell (not text), so a spreadsheet can sort and compute with it.
    expect(daily.getRow(4).values).toEqual([undefined, new Date('2025-11-03T00:00:00Z'), 2, 0, 0]);
    expect(daily.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps reports inside the reader’s scope and refuses bad parameters by name', async () => {
    await t.admin.put('/api/v1/users/zjj-head', { role: 'department_supervisor', departmentCode: 'ZJJ', password: MATRIX_PASSWORD });
    const zjj = t.admin.withToken(await signIn(t.admin.withToken(null), 'zjj-head', MATRIX_PASSWORD));
    const other = await zjj.get(`/api/v1/reports/departments/SCJG${NOVEMBER}`);
    const missing = await zjj.get(`/api/v1/reports/departments/NOPE${NOVEMBER}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body).replace('SCJG', 'X')).toEqual(JSON.stringify(missing.body).replace('NOPE', 'X'));
    expect((await zjj.get(`/api/v1/reports/regions/R1${NOVEMBER}`)).status).toBe(404);
    const city = (await zjj.get<Report>(`/api/v1/reports/city${NOVEMBER}`)).body;
    expect(city.departments.map((d) => d.code)).toEqual(['ZJJ']);
    expect(city.metrics.accepted).toBe(1);
    expect((await zjj.post('/api/v1/reports/rollups/rebuild', {})).status).toBe(403);
    const exported = (await zjj.get<string>(`/api/v1/reports/exports/monitoring${NOVEMBER}`)).body.trim().split('\r\n');
    expect(exported.slice(1).map((line) => line.split(',')[1])).toEqual(['J']);
    expect((await zjj.get(`/api/v1/reports/exports/monitoring${NOVEMBER}&departmentCode=SCJG`)).status).toBe(404);

    const bad = await t.admin.get<{ errors: { path: string }[] }>('/api/v1/reports/departments/SCJG?from=2025-11-31&to=2025-11-01&format=pdf');
    expect(bad.status).toBe(400);
    expect((await t.admin.get<{ errors: { path: string }[] }>('/api/v1/reports/departments/SCJG?from=2025-12-01&to=2025-11-01')).body.errors[0].path).toBe('to');
    expect((await t.admin.get<{ errors: { path: string }[] }>('/api/v1/reports/departments/SCJG?quarter=2025Q5')).body.errors[0].path).toBe('quarter');
    // A well-formed quarter of a year the reports do not cover is bad input too (it was a 500).
    const early = await t.admin.get<{ errors: { path: string }[] }>('/api/v1/reports/departments/SCJG?quarter=1999Q1');
    expect([early.status, early.body.errors[0].path]).toEqual([400, 'quarter']);
    const earlyPack = await t.admin.get<{ errors: { path: string }[] }>('/api/v1/reports/quarterly/1999Q1');
    expect([earlyPack.status, earlyPack.body.errors[0].path]).toEqual([400, 'quarter']);
  });
});
