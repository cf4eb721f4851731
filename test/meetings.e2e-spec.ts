import ExcelJS from 'exceljs';
import { OversightDeadlineWatcher } from '../apps/api/src/accountability/oversight-deadline-watcher.service';
import { previousQuarter, quarterOf } from '@app/domain/reports';
import { NOVEMBER_EVENTS, REPORTS_CATALOGUE } from './fixtures/reports-november';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Card { id: string; rule: string; level: string; state: string; caseId: string; departmentCode: string }
interface Resolution { id: string; seq: number; state: string; dueOn: string; overdueAlertId: string | null; doneNote: string | null }
interface Meeting {
  quarter: string;
  attendees: { code: string; name: string }[];
  agenda: { overdueOrders: { id: string; subject: string }[]; faults: { id: string; officerName: string }[]; complaints: { received: number; open: { id: string }[] }; headAccountability: { officerName: string; measure: string }[]; openClues?: { id: string; subject: string; state: string; overdue: boolean }[] };
  resolutions: Resolution[];
}
interface CountyReport { id: string; regionCode: string; period: string; state: string; narrative: string; guidance: { text: string }[]; figures: { subject: { code: string; departmentCount: number }; metrics: { supervisionOrders: { issued: number } } } }
interface Errors { errors: { path: string; message: string }[] }

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const DAY = 86_400_000;
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const QUARTER = quarterOf(TODAY).key;
/** A quarter that has ended: its county reports fall due (after the due days set below). */
const PERIOD = previousQuarter(quarterOf(TODAY)).key;

describe('joint meetings and county reports', () => {
  let t: TestApp;
  let centre: ApiClient;
  let east: ApiClient;
  let west: ApiClient;
  let department: ApiClient;
  let order: { id: string; subject: string };
  let fault: { id: string };
  let complaintId: string;
  let clueId: string;

  const user = async (username: string, body: Record<string, unknown>) => {
    expect((await t.admin.put(`/api/v1/users/${username}`, { password: MATRIX_PASSWORD, ...body })).status).toBe(200);
    return t.admin.withToken(await signIn(t.admin.withToken(null), username, MATRIX_PASSWORD));
  };
  const rows = (sql: string) => countRows(t.databaseUrl, sql);

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    const keys = await setUpCatalogue(t.admin, REPORTS_CATALOGUE);
    expect((await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: NOVEMBER_EVENTS.SCJG })).status).toBe(202);
    const cards = await waitFor(async () => {
      const listed = (await t.admin.get<{ items: Card[] }>('/api/v1/alerts?departmentCode=SCJG&pageSize=500')).body.items;
      return listed.some((c) => c.caseId === 'C' && c.rule === 'STATUTORY_OVERDUE') ? listed : undefined;
    }, 'the red card of C');
    centre = await user('centre-sup', { role: 'centre_supervisor' });
    east = await user('east-sup', { role: 'region_supervisor', regionCode: 'R1' });
    west = await user('west-sup', { role: 'region_supervisor', regionCode: 'R2' });
    department = await user('scjg-head', { role: 'department_supervisor', departmentCode: 'SCJG' });

    // The quarter: a fault recorded today, and a supervision order left unanswered past its deadline.
    const red = cards.find((c) => c.caseId === 'C' && c.rule === 'STATUTORY_OVERDUE')!;
    const recorded = await centre.post<{ id: string }>('/api/v1/register/faults', { alertId: red.id, severity: 'MINOR', measure: 'CRITICISM_EDUCATION', basis: '超法定时限办结', directResponsibility: true });
    expect(recorded.status).toBe(201);
    fault = recorded.body;
    const issued = await centre.post<{ id: string; subject: string }>('/api/v1/supervision-orders', { departmentCode: 'SCJG', subject: '督办C案超期问题', detail: '限期办结并书面答复', deadlineWorkingDays: 1 });
    expect(issued.status).toBe(201);
    order = issued.body;
    expect((await t.app.get(OversightDeadlineWatcher).tick(new Date(Date.now() + 10 * DAY))).orders).toBe(1);
    // A complaint still open, and a department head held accountable.
    const complaint = await centre.post<{ id: string }>('/api/v1/complaints', { departmentCode: 'SCJG', channel: 'HOTLINE', subject: '办理超期', content: '申请后一个月未获答复', complainantName: '张三' });
    expect(complaint.status).toBe(201);
    complaintId = complaint.body.id;
    const head = await centre.post('/api/v1/register/entries', { kind: 'HEAD_ACCOUNTABILITY', departmentCode: 'SCJG', officerId: 'O-SCJG-1', measure: 'ORDERED_APOLOGY', basis: '督办事项逾期未复' });
    expect(head.status).toBe(201);
    // A clue still under investigation (线索).
    const clue = await centre.post<{ id: string }>('/api/v1/clues', {
      channel: 'NEWS_MEDIA', subject: '媒体反映窗口推诿', detail: '晚报报道', departmentCodes: ['SCJG'], source: { referenceNo: '晚报-1204', title: '窗口推诿', date: TODAY },
    });
    expect(clue.status).toBe(201);
    clueId = clue.body.id;
  });
  afterAll(async () => t?.close());

  describe('the quarterly joint meeting', () => {
    const attendees = [
      { code: 'JCJ', name: '市监察局' },
      { code: 'CZJ', name: '市财政局' },
      { code: 'SJJ', name: '市审计局' },
    ];

    it('refuses bad input naming the field, and writes nothing', async () => {
      const cases: [unknown, string][] = [
        [{ heldOn: '2026-13-01', attendees }, 'heldOn'],
        [{ heldOn: '0001-01-01', attendees }, 'heldOn'],
        [{ heldOn: TODAY, attendees: [] }, 'attendees'],
        [{ heldOn: TODAY, attendees: [{ code: 'JCJ' }] }, 'attendees.0.name'],
        [{ heldOn: TODAY, attendees: [attendees[0], attendees[0]] }, 'attendees.1.code'],
      ];
      for (const [body, path] of cases) {
        const r = await centre.post<Errors>(`/api/v1/joint-meetings/${QUARTER}`, body);
        expect({ path, status: r.status, first: r.body.errors?.[0]?.path }).toEqual({ path, status: 400, first: path });
      }
      for (const bad of ['2026Q5', '1999Q1']) expect((await centre.post<Errors>(`/api/v1/joint-meetings/${bad}`, { heldOn: TODAY, attendees })).body.errors[0].path).toBe('quarter');
      expect(await rows('SELECT count(*) AS n FROM joint_meetings')).toBe(0);
      expect(await rows(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'joint_meeting.%'`)).toBe(0);
    });

    it('records the quarter’s meeting once, its agenda listing what the pack found', async () => {
      const created = await centre.post<Meeting>(`/api/v1/joint-meetings/${QUARTER}`, { heldOn: TODAY, attendees, notes: '会议由市监察局主持。' });
      expect(created.status).toBe(201);
      expect(created.body.agenda.overdueOrders).toEqual([expect.objectContaining({ id: order.id, subject: '督办C案超期问题' })]);
      expect(created.body.agenda.faults).toEqual([expect.objectContaining({ id: fault.id, officerName: '李明' })]);
      expect(created.body.attendees).toEqual(attendees);
      expect(created.body.agenda.complaints).toMatchObject({ received: 1, open: [expect.objectContaining({ id: complaintId })] });
      expect(JSON.stringify(created.body.agenda)).not.toContain('张三');
      expect(created.body.agenda.headAccountability).toEqual([expect.objectContaining({ officerName: '王主任', measure: 'ORDERED_APOLOGY' })]);
      expect(created.body.agenda.openClues).toEqual([expect.objectContaining({ id: clueId, subject: '媒体反映窗口推诿', state: 'REGISTERED', overdue: false })]);
      expect((await centre.post(`/api/v1/joint-meetings/${QUARTER}`, { heldOn: TODAY, attendees })).status).toBe(409);
      const read = await centre.get<Meeting>(`/api/v1/joint-meetings/${QUARTER}`);
      expect(read.body.agenda.overdueOrders.map((o) => o.id)).toEqual([order.id]);
      expect((await department.get(`/api/v1/joint-meetings/${QUARTER}`)).status).toBe(403);
      expect((await east.get(`/api/v1/joint-meetings/${QUARTER}`)).status).toBe(403);
      expect(await rows(`SELECT count(*) AS n FROM audit_log WHERE action = 'joint_meeting.create'`)).toBe(1);
    });

    it('tracks a resolution to its deadline: overdue raises a card once; a timely one stays open', async () => {
      const add = (body: Record<string, unknown>) => centre.post<Resolution & Errors>(`/api/v1/joint-meetings/${QUARTER}/resolutions`, body);
      const late = await add({ text: '市场监督管理局对C案超期问题限期整改并报送整改报告', owner: { code: 'SCJG', name: '市场监督管理局' }, dueOn: TODAY });
      const timely = await add({ text: '市财政局对相关收费情况开展专项检查', owner: attendees[1], departmentCode: 'ZJJ', dueOn: '2099-12-31' });
      expect([late.status, timely.status]).toEqual([201, 201]);
      expect([late.body.seq, timely.body.seq, late.body.state]).toEqual([1, 2, 'OPEN']);
      for (const [body, path] of [
        [{ text: 'x', owner: attendees[0], dueOn: '2000-01-01' }, 'dueOn'],
        [{ text: ' ', owner: attendees[0], dueOn: TODAY }, 'text'],
        [{ text: 'x', owner: attendees[0], departmentCode: 'NOPE', dueOn: TODAY }, 'departmentCode'],
        [{ text: 'x', owner: { code: 'a b', name: 'x' }, dueOn: TODAY }, 'owner.code'],
      ] as const) {
        const r = await add(body);
        expect({ path, status: r.status, first: r.body.errors?.[0]?.path }).toEqual({ path, status: 400, first: path });
      }
      expect(await rows('SELECT count(*) AS n FROM meeting_resolutions')).toBe(2);
      expect((await centre.post('/api/v1/joint-meetings/2020Q1/resolutions', { text: 'x', owner: attendees[0], dueOn: TODAY })).status).toBe(404);
      // Owned by a body that is no department and naming none: it goes overdue, with no card to raise.
      const bodyOnly = await add({ text: '市监察局牵头通报本季度督办情况', owner: attendees[0], dueOn: TODAY });
      expect(bodyOnly.status).toBe(201);

      const watcher = t.app.get(OversightDeadlineWatcher);
      const later = new Date(Date.now() + 3 * DAY);
      const [a, b] = await Promise.all([watcher.tick(later), watcher.tick(later)]);
      expect(a.resolutions + b.resolutions).toBe(2);
      expect((await watcher.tick(later)).resolutions).toBe(0);
      const cards = (await t.admin.get<{ items: Card[] }>('/api/v1/alerts?pageSize=500')).body.items.filter((c) => c.rule === 'MEETING_RESOLUTION_OVERDUE');
      expect(cards).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: `resolution:${late.body.id}`, departmentCode: 'SCJG', level: 'YELLOW', state: 'OPEN' })]));
      const meeting = (await centre.get<Meeting>(`/api/v1/joint-meetings/${QUARTER}`)).body;
      const byId = new Map(meeting.resolutions.map((r) => [r.id, r]));
      expect(byId.get(late.body.id)).toMatchObject({ state: 'OVERDUE', overdueAlertId: cards.find((c) => c.caseId === `resolution:${late.body.id}`)!.id });
      expect(byId.get(timely.body.id)).toMatchObject({ state: 'OPEN', overdueAlertId: null });
      expect(byId.get(bodyOnly.body.id)).toMatchObject({ state: 'OVERDUE', overdueAlertId: null });
      expect(cards).toHaveLength(1);

      const done = await centre.post<Resolution>(`/api/v1/joint-meetings/${QUARTER}/resolutions/${late.body.id}/done`, { note: '已整改并报送整改报告' });
      expect(done.body).toMatchObject({ state: 'DONE', doneNote: '已整改并报送整改报告' });
      expect((await centre.post(`/api/v1/joint-meetings/${QUARTER}/resolutions/${late.body.id}/done`, { note: 'again' })).status).toBe(409);
      expect(await rows(`SELECT count(*) AS n FROM audit_log WHERE action = 'joint_meeting.resolution.done'`)).toBe(1);
    });

    it('prints the minutes with the resolutions: HTML (zh-CN, English on request) and XLSX', async () => {
      const html = await fetch(`${t.baseUrl}/api/v1/joint-meetings/${QUARTER}?format=html`, { headers: { authorization: `Bearer ${centre.token}` } });
      expect(html.headers.get('content-type')).toContain('text/html');
      const page = await html.text();
      expect(page).toContain('<html lang="zh-CN">');
      expect(page).toContain('联席会议纪要');
      expect(page).toContain('市场监督管理局对C案超期问题限期整改并报送整改报告');
      expect(page).toContain('督办C案超期问题');
      expect(page).toContain('市财政局');
      const english = await (await fetch(`${t.baseUrl}/api/v1/joint-meetings/${QUARTER}?format=html&lang=en`, { headers: { authorization: `Bearer ${centre.token}` } })).text();
      expect(english).toContain('<html lang="en">');
      expect(english).toContain('Resolutions');

      const xlsx = await fetch(`${t.baseUrl}/api/v1/joint-meetings/${QUARTER}?format=xlsx`, { headers: { authorization: `Bearer ${centre.token}` } });
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await xlsx.arrayBuffer());
      expect(book.worksheets.map((s) => s.name)).toEqual(['会议决议', '参会单位', '逾期督办', '投诉情况', '过错记录', '行政首长问责', '警醒谈话', '未结线索']);
      expect(book.getWorksheet('未结线索')!.getRow(2).getCell(2).text).toBe('媒体反映窗口推诿');
      const resolutions = book.getWorksheet('会议决议')!;
      expect(resolutions.getRow(1).getCell(2).value).toBe('决议事项');
      expect([resolutions.getCell('B2').value, resolutions.getCell('C2').value, resolutions.getCell('F2').value]).toEqual(['市场监督管理局对C案超期问题限期整改并报送整改报告', '市场监督管理局', '已落实']);
      expect(resolutions.actualRowCount).toBe(1 + 3);
      expect((await centre.get<Errors>(`/api/v1/joint-meetings/${QUARTER}?format=pdf`)).body.errors[0].path).toBe('format');
    });
  });

  describe('county reports to the city', () => {
    let report: CountyReport;

    it('refuses bad input naming the field, and writes nothing', async () => {
      for (const [body, path] of [
        [{ period: '2026Q5' }, 'period'],
        [{ period: '1999Q1' }, 'period'],
        [{ period: PERIOD, narrative: 7 }, 'narrative'],
        [{ period: PERIOD, extra: true }, 'extra'],
      ] as const) {
        const r = await east.post<Errors>('/api/v1/county-reports', body);
        expect({ path, status: r.status, first: r.body.errors?.[0]?.path }).toEqual({ path, status: 400, first: path });
      }
      expect((await t.admin.post<Errors>('/api/v1/county-reports', { period: PERIOD })).body.errors[0].path).toBe('regionCode');
      expect((await centre.put<Errors>('/api/v1/county-reports/settings', { dueDaysAfterPeriodEnd: -1 })).body.errors[0].path).toBe('dueDaysAfterPeriodEnd');
      expect(await rows('SELECT count(*) AS n FROM county_reports')).toBe(0);
      expect(await rows('SELECT count(*) AS n FROM county_report_settings')).toBe(0);
    });

    it('is drafted from the region’s own data, edited, signed off, acknowledged with guidance — each step audited', async () => {
      const drafted = await east.post<CountyReport>('/api/v1/county-reports', { period: QUARTER });
      expect(drafted.status).toBe(201);
      report = drafted.body;
      expect(report).toMatchObject({ regionCode: 'R1', state: 'DRAFT', narrative: '' });
      // R1 holds SCJG only: the order issued to SCJG this quarter is in its figures.
      expect(report.figures.subject).toMatchObject({ code: 'R1', departmentCount: 1 });
      expect(report.figures.metrics.supervisionOrders.issued).toBe(1);
      expect((await east.post('/api/v1/county-reports', { period: QUARTER })).status).toBe(409);

      const unsigned = await east.post<Errors>(`/api/v1/county-reports/${report.id}/submit`);
      expect([unsigned.status, unsigned.body.errors[0].path]).toEqual([400, 'narrative']);
      expect((await centre.post(`/api/v1/county-reports/${report.id}/acknowledge`, {})).status).toBe(409);
      const edited = await east.put<CountyReport>(`/api/v1/county-reports/${report.id}`, { narrative: '本季度东城区督办事项1件，逾期1件，已约谈相关负责人。', regenerate: true });
      expect(edited.status).toBe(200);
      const submitted = await east.post<CountyReport>(`/api/v1/county-reports/${report.id}/submit`);
      expect(submitted.body.state).toBe('SUBMITTED');
      expect((await east.put(`/api/v1/county-reports/${report.id}`, { narrative: 'changed' })).status).toBe(409);

      const acknowledged = await centre.post<CountyReport>(`/api/v1/county-reports/${report.id}/acknowledge`, {});
      expect(acknowledged.body.state).toBe('ACKNOWLEDGED');
      const guided = await centre.post<CountyReport>(`/api/v1/county-reports/${report.id}/guidance`, { text: '请于下季度重点跟踪逾期督办事项的整改落实。' });
      expect(guided.body.guidance).toEqual([expect.objectContaining({ text: '请于下季度重点跟踪逾期督办事项的整改落实。', sentBy: 'centre-sup' })]);
      expect((await east.get<CountyReport>(`/api/v1/county-reports/${report.id}`)).body.guidance).toHaveLength(1);
      expect((await east.post(`/api/v1/county-reports/${report.id}/acknowledge`, {})).status).toBe(403);
      for (const action of ['county_report.draft', 'county_report.edit', 'county_report.submit', 'county_report.acknowledge', 'county_report.guidance']) {
        expect({ action, n: await rows(`SELECT count(*) AS n FROM audit_log WHERE action = '${action}'`) }).toEqual({ action, n: 1 });
      }
    });

    it('keeps each region to its own reports (another region’s answers 404); department users see none', async () => {
      expect((await west.get(`/api/v1/county-reports/${report.id}`)).status).toBe(404);
      expect((await west.get('/api/v1/county-reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await west.put(`/api/v1/county-reports/${report.id}`, { narrative: 'x' })).status).toBe(404);
      expect((await west.post(`/api/v1/county-reports/${report.id}/submit`)).status).toBe(404);
      expect((await west.post('/api/v1/county-reports', { period: QUARTER, regionCode: 'R1' })).status).toBe(404);
      expect((await west.get<unknown[]>('/api/v1/county-reports')).body).toEqual([]);
      expect((await east.get<CountyReport[]>('/api/v1/county-reports')).body.map((r) => r.id)).toEqual([report.id]);
      expect((await centre.get<CountyReport[]>('/api/v1/county-reports')).body).toHaveLength(1);
      expect((await centre.get<CountyReport[]>(`/api/v1/county-reports?regionCode=R1&period=${QUARTER}`)).body.map((r) => r.id)).toEqual([report.id]);
      expect((await centre.get<Errors>('/api/v1/county-reports?regionCode=a%20b')).body.errors[0].path).toBe('regionCode');
      expect((await department.get('/api/v1/county-reports')).status).toBe(403);
      expect((await department.get(`/api/v1/county-reports/${report.id}`)).status).toBe(403);
      expect((await east.get('/api/v1/county-reports/late')).status).toBe(403);
    });

    it('shows the city which counties are late: nothing submitted once the due day is over', async () => {
      // Due the day the quarter ends: the last ended quarter's reports are all due by now.
      expect((await centre.put('/api/v1/county-reports/settings', { dueDaysAfterPeriodEnd: 0 })).status).toBe(200);
      const eastLate = await east.post<CountyReport>('/api/v1/county-reports', { period: PERIOD, narrative: '东城区上季度报告' });
      expect((await east.post(`/api/v1/county-reports/${eastLate.body.id}/submit`)).status).toBe(200);
      const westDraft = await west.post<CountyReport>('/api/v1/county-reports', { period: PERIOD });
      expect(westDraft.status).toBe(201);

      const view = await centre.get<{ period: string; late: { regionCode: string; state: string | null }[]; regions: { regionCode: string; standing: string }[] }>(`/api/v1/county-reports/late?period=${PERIOD}`);
      expect(view.status).toBe(200);
      expect(view.body.late).toEqual([expect.objectContaining({ regionCode: 'R2', state: 'DRAFT' })]);
      expect(view.body.regions).toEqual([
        expect.objectContaining({ regionCode: 'R1', standing: 'SUBMITTED_LATE' }),
        expect.objectContaining({ regionCode: 'R2', standing: 'LATE' }),
      ]);
      // The current quarter is not yet due for anyone.
      const current = await centre.get<{ late: unknown[] }>(`/api/v1/county-reports/late?period=${QUARTER}`);
      expect(current.body.late).toEqual([]);
      expect((await centre.get<Errors>('/api/v1/county-reports/late?period=2026Q9')).body.errors[0].path).toBe('period');
      expect((await centre.get<Errors>('/api/v1/county-reports/late?period=1999Q1')).body.errors[0].path).toBe('period');
    });
  });
});
