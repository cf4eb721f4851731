import ExcelJS from 'exceljs';
import { QuarterEndScheduler } from '../apps/api/src/reports/quarterly/quarter-end.scheduler';
import { DEFAULT_REPORT_SETTINGS } from '../apps/api/src/reports/settings/report-settings';
import { NOVEMBER_EVENTS, REPORTS_CATALOGUE } from './fixtures/reports-november';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Row { rank: number | null; departmentCode: string; score: { score: number | null; grade: string | null } }
interface Pack { quarter: string; trigger: string; rows: Row[] }

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const ranking = (pack: Pack) => pack.rows.map((r) => [r.rank, r.departmentCode, r.score.score, r.score.grade]);

describe('quarterly joint-meeting ranking', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    const keys = await setUpCatalogue(t.admin, REPORTS_CATALOGUE);
    for (const code of ['SCJG', 'ZJJ'] as const) expect((await t.admin.withToken(keys[code]).post('/api/v1/events', { events: NOVEMBER_EVENTS[code] })).status).toBe(202);
    await waitFor(async () => ((await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM cases')) === 9 ? true : undefined), 'projected');
    await waitFor(async () => ((await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM ingest_batches WHERE projected_at IS NULL')) === 0 ? true : undefined), 'batches');
  });
  afterAll(async () => t?.close());

  it('ranks and grades every department with the default settings (hand-computed)', async () => {
    // ZJJ: on time 1, statutory 1, cards 1, reporting 0 → (40 + 20 + 20 + 0) ÷ 90 = 88.9 → GOOD.
    // SCJG: on time 3/4, statutory 1 − 1/6, cards 1, reporting 0 → (30 + 16.67 + 20) ÷ 90 = 74.1 → PASS.
    const live = await t.admin.get<Pack>('/api/v1/reports/quarterly/2025Q4');
    expect(live.status).toBe(200);
    expect(live.body.trigger).toBe('live');
    expect(ranking(live.body)).toEqual([[1, 'ZJJ', 88.9, 'GOOD'], [2, 'SCJG', 74.1, 'PASS']]);
  });

  it('grades by the configured thresholds and weights', async () => {
    const settings = { ...DEFAULT_REPORT_SETTINGS, grading: { ...DEFAULT_REPORT_SETTINGS.grading, thresholds: { excellent: 85, good: 70, pass: 50 } } };
    expect((await t.admin.put('/api/v1/reports/settings', settings)).status).toBe(200);
    expect(ranking((await t.admin.get<Pack>('/api/v1/reports/quarterly/2025Q4')).body)).toEqual([[1, 'ZJJ', 88.9, 'EXCELLENT'], [2, 'SCJG', 74.1, 'GOOD']]);
    const bad = await t.admin.put<{ errors: { path: string }[] }>('/api/v1/reports/settings', { ...settings, grading: { ...settings.grading, thresholds: { excellent: 50, good: 70, pass: 60 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('grading.thresholds');
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'reports.settings.put'`)).toBe(1);
  });

  it('generates the pack at quarter end exactly once, with two workers racing, and serves it', async () => {
    const second = await startTestApp(QUIET, { databaseUrl: t.databaseUrl, keepDatabase: true });
    try {
      const newYear = new Date('2026-01-04T01:00:00+08:00');
      const claims = await Promise.all([t.app, second.app, t.app, second.app].map((app) => app.get(QuarterEndScheduler).check(newYear)));
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
      expect(claims.every((c) => c.quarter === '2025Q4')).toBe(true);
      await waitFor(async () => ((await countRows(t.databaseUrl, `SELECT count(*) AS n FROM quarterly_reports WHERE status = 'READY'`)) === 1 ? true : undefined), 'pack generated');
      expect((await second.app.get(QuarterEndScheduler).check(new Date('2026-01-05T09:00:00+08:00'))).claimed).toBe(false);
    } finally {
      await second.close();
    }
    expect(await countRows(t.databaseUrl, `SELECT generation_count AS n FROM quarterly_reports WHERE quarter = '2025Q4'`)).toBe(1);
    const stored = (await t.admin.get<Pack>('/api/v1/reports/quarterly/2025Q4')).body;
    expect(stored.trigger).toBe('quarter-end');
    expect(ranking(stored)).toEqual([[1, 'ZJJ', 88.9, 'EXCELLENT'], [2, 'SCJG', 74.1, 'GOOD']]);
    expect((await t.admin.get<{ quarter: string; status: string }[]>('/api/v1/reports/quarterly')).body).toEqual([expect.objectContaining({ quarter: '2025Q4', status: 'READY', generationCount: 1 })]);

    expect((await t.admin.post('/api/v1/reports/quarterly/2025Q4/generate')).status).toBe(200);
    expect(await countRows(t.databaseUrl, `SELECT generation_count AS n FROM quarterly_reports WHERE quarter = '2025Q4'`)).toBe(2);
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'reports.quarterly.generate'`)).toBe(1);
  });

  it('serves the pack as XLSX, CSV and printable HTML; a department sees its own row with its city rank', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/reports/quarterly/2025Q4?format=xlsx`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['排名', '预警', '督办', '过错', '警醒谈话']);
    const sheet = book.getWorksheet('排名')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('名次');
    expect([1, 2, 3, 4, 5].map((c) => sheet.getRow(2).getCell(c).value)).toEqual([1, 'ZJJ', '住房和城乡建设局', 88.9, '优秀']);
    expect(sheet.getRow(3).getCell(8).value).toBeCloseTo(0.75, 10);

    const csv = await t.admin.get<string>('/api/v1/reports/quarterly/2025Q4?format=csv&lang=en');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[2].split(',').slice(0, 5)).toEqual(['2', 'SCJG', '市场监督管理局', '74.1', 'Good']);
    const html = await t.admin.get<string>('/api/v1/reports/quarterly/2025Q4?format=html');
    expect(html.body).toContain('2025Q4 · 季度联席会议通报');
    expect(html.body).toContain('<svg');

    await t.admin.put('/api/v1/users/zjj-head', { role: 'department_supervisor', departmentCode: 'ZJJ', password: MATRIX_PASSWORD });
    const zjj = t.admin.withToken(await signIn(t.admin.withToken(null), 'zjj-head', MATRIX_PASSWORD));
    expect(ranking((await zjj.get<Pack>('/api/v1/reports/quarterly/2025Q4')).body)).toEqual([[1, 'ZJJ', 88.9, 'EXCELLENT']]);
    expect((await zjj.post('/api/v1/reports/quarterly/2025Q4/generate')).status).toBe(403);
  });
});
