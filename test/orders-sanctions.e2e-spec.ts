import ExcelJS from 'exceljs';
import { OversightDeadlineWatcher } from '../apps/api/src/accountability/oversight-deadline-watcher.service';
import { DEFAULT_REPORT_SETTINGS } from '../apps/api/src/reports/settings/report-settings';
import { NOVEMBER_EVENTS, REPORTS_CATALOGUE } from './fixtures/reports-november';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Order { id: string; kind: string; state: string; reviewDecisionRef: string | null; previousOrderId: string | null; reissuedOrderId: string | null; headProposalId: string | null; verification: string | null; dueOn: string }
interface Entry { id: string; kind: string; state: string; subjectKind: string; officerId: string | null; measure: string; supervisionOrderId: string | null; amount: string | null; decidedBy: string }
interface Errors { errors?: { path: string; message: string }[] }
interface Pack { rows: { departmentCode: string; score: { score: number | null; deducted: number }; metrics: { departmentSanctions: unknown } }[] }

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const DAY = 86_400_000;
const THIS_YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
/** SCJG's head (本行政机关负责人) is recorded, so a proposal names him. */
const CATALOGUE = { ...REPORTS_CATALOGUE, officers: { ...REPORTS_CATALOGUE.officers, 'O-SCJG-1': { ...REPORTS_CATALOGUE.officers['O-SCJG-1'], isDepartmentHead: true } } };

describe('orders of kinds and sanctions on departments', () => {
  let t: TestApp;
  let centre: ApiClient;
  let department: ApiClient;
  let zjj: ApiClient;
  let eastRegion: ApiClient;
  let westRegion: ApiClient;

  const user = async (username: string, body: Record<string, unknown>) => {
    expect((await t.admin.put(`/api/v1/users/${username}`, { password: MATRIX_PASSWORD, ...body })).status).toBe(200);
    return t.admin.withToken(await signIn(t.admin.withToken(null), username, MATRIX_PASSWORD));
  };
  const issue = (body: Record<string, unknown>) =>
    centre.post<Order & Errors>('/api/v1/supervision-orders', { departmentCode: 'SCJG', subject: '履行行政复议决定', detail: '限期重新作出许可决定', deadlineWorkingDays: 5, ...body });
  const order = async (id: string) => (await centre.get<Order>(`/api/v1/supervision-orders/${id}`)).body;
  const auditOf = (target: string) => countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE target = '${target}'`);
  const headYear = async () => (await centre.get<{ consequences: { awardEligible: boolean; headAccountabilities: number } }>(`/api/v1/register/officers/O-SCJG-1/years/${THIS_YEAR}`)).body.consequences;
  const writes = async () =>
    Promise.all([
      countRows(t.databaseUrl, 'SELECT count(*) AS n FROM register_entries'),
      countRows(t.databaseUrl, 'SELECT count(*) AS n FROM supervision_orders'),
      countRows(t.databaseUrl, 'SELECT count(*) AS n FROM audit_log'),
    ]);

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    const keys = await setUpCatalogue(t.admin, CATALOGUE);
    for (const code of ['SCJG', 'ZJJ'] as const) expect((await t.admin.withToken(keys[code]).post('/api/v1/events', { events: NOVEMBER_EVENTS[code] })).status).toBe(202);
    await waitFor(async () => ((await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM cases')) >= 2 ? true : undefined), 'cases projected');
    centre = await user('centre-sup', { role: 'centre_supervisor' });
    department = await user('scjg-head', { role: 'department_supervisor', departmentCode: 'SCJG' });
    zjj = await user('zjj-head', { role: 'department_supervisor', departmentCode: 'ZJJ' });
    eastRegion = await user('east-sup', { role: 'region_supervisor', regionCode: 'R1' });
    westRegion = await user('west-sup', { role: 'region_supervisor', regionCode: 'R2' });
  });
  afterAll(async () => t?.close());

  it('re-issues a review-decision order not carried out, then escalates it; the centre confirms the head’s accountability', async () => {
    const first = await issue({ kind: 'PERFORM', reviewDecisionRef: '东复决字〔2026〕12号' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'PERFORM', state: 'ISSUED', reviewDecisionRef: '东复决字〔2026〕12号' });
    expect((await department.post(`/api/v1/supervision-orders/${first.body.id}/reply`, { reply: '已研究，正在办理' })).status).toBe(200);
    const notDone = await centre.post<Order>(`/api/v1/supervision-orders/${first.body.id}/verify`, { outcome: 'NOT_CARRIED_OUT', comment: '未重新作出决定' });
    expect(notDone.status).toBe(200);
    expect(notDone.body).toMatchObject({ state: 'NOT_CARRIED_OUT', verification: 'NOT_CARRIED_OUT' });

    const second = await centre.post<Order>(`/api/v1/supervision-orders/${first.body.id}/reissue`, { comment: '再次责令限期履行', deadlineWorkingDays: 3 });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ kind: 'PERFORM', state: 'ISSUED', previousOrderId: first.body.id, reviewDecisionRef: '东复决字〔2026〕12号' });
    expect(await order(first.body.id)).toMatchObject({ state: 'REISSUED', reissuedOrderId: second.body.id });
    expect((await department.post(`/api/v1/supervision-orders/${first.body.id}/reply`, { reply: 'late' })).status).toBe(409);
    expect((await centre.post(`/api/v1/supervision-orders/${second.body.id}/escalate`, { comment: 'too early' })).status).toBe(409);

    expect((await department.post(`/api/v1/supervision-orders/${second.body.id}/reply`, { reply: '仍在研究' })).status).toBe(200);
    expect((await centre.post(`/api/v1/supervision-orders/${second.body.id}/verify`, { outcome: 'NOT_CARRIED_OUT', comment: '仍未履行' })).status).toBe(200);
    const escalated = await centre.post<{ order: Order; proposal: Entry }>(`/api/v1/supervision-orders/${second.body.id}/escalate`, { comment: '拒不履行行政复议决定' });
    expect(escalated.status).toBe(200);
    const proposal = escalated.body.proposal;
    expect(escalated.body.order).toMatchObject({ state: 'ESCALATED', headProposalId: proposal.id });
    expect(proposal).toMatchObject({ kind: 'HEAD_ACCOUNTABILITY', state: 'PROPOSED', officerId: 'O-SCJG-1', measure: 'TO_BE_DECIDED', supervisionOrderId: second.body.id });
    // A proposal is not yet accountability.
    expect(await headYear()).toMatchObject({ awardEligible: true, headAccountabilities: 0 });

    // Only the centre's supervisors decide it: not the department, not a region.
    expect((await department.post(`/api/v1/register/entries/${proposal.id}/confirm-proposal`, { measure: 'ORDERED_APOLOGY', comment: 'x' })).status).toBe(403);
    expect((await eastRegion.post(`/api/v1/register/entries/${proposal.id}/confirm-proposal`, { measure: 'ORDERED_APOLOGY', comment: 'x' })).status).toBe(403);
    const confirmed = await centre.post<Entry>(`/api/v1/register/entries/${proposal.id}/confirm-proposal`, { measure: 'ORDERED_APOLOGY', comment: '经联席会议研究，责令公开道歉' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'CONFIRMED', measure: 'ORDERED_APOLOGY', officerId: 'O-SCJG-1' });
    expect((await centre.post(`/api/v1/register/entries/${proposal.id}/dismiss-proposal`, { comment: 'again' })).status).toBe(409);
    expect(await headYear()).toMatchObject({ awardEligible: false, headAccountabilities: 1 });

    const performs = (await centre.get<{ items: Order[] }>('/api/v1/supervision-orders?kind=PERFORM')).body.items;
    expect(performs.map((o) => o.id).sort()).toEqual([first.body.id, second.body.id].sort());

    // Every step in the audit log: issue, reply, verify, re-issue; issue, reply, verify, escalate; propose, confirm.
    expect(await auditOf(`supervision_order:${first.body.id}`)).toBe(4);
    expect(await auditOf(`supervision_order:${second.body.id}`)).toBe(4);
    expect(await auditOf(`register:${proposal.id}`)).toBe(2);
  });

  it('proposes the head’s accountability when a 限期整改 order is left overdue; a plain 督办 is only flagged', async () => {
    const rectify = await issue({ kind: 'RECTIFY', subject: '限期整改窗口超期问题' });
    const plain = await issue({ subject: '督办窗口排队问题' });
    expect([rectify.status, plain.status, plain.body.kind]).toEqual([201, 201, 'SUPERVISION']);
    const watcher = t.app.get(OversightDeadlineWatcher);
    expect((await watcher.tick(new Date(Date.now() + 30 * DAY))).orders).toBe(2);
    expect((await watcher.tick(new Date(Date.now() + 30 * DAY))).orders).toBe(0);

    const failed = await order(rectify.body.id);
    expect(failed.state).toBe('ESCALATED');
    expect(failed.headProposalId).not.toBeNull();
    expect(await order(plain.body.id)).toMatchObject({ state: 'ISSUED', headProposalId: null });
    const proposal = (await centre.get<Entry>(`/api/v1/register/entries/${failed.headProposalId}`)).body;
    expect(proposal).toMatchObject({ kind: 'HEAD_ACCOUNTABILITY', state: 'PROPOSED', officerId: 'O-SCJG-1', supervisionOrderId: rectify.body.id, decidedBy: 'system:oversight-deadline' });
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'supervision_order.escalate' AND actor_kind = 'system' AND target = 'supervision_order:${rectify.body.id}'`)).toBe(1);
    const proposals = (await centre.get<{ items: Entry[] }>('/api/v1/register/entries?state=PROPOSED')).body.items;
    expect(proposals.map((p) => p.id)).toEqual([proposal.id]);

    const dismissed = await centre.post<Entry>(`/api/v1/register/entries/${proposal.id}/dismiss-proposal`, { comment: '已于期限后两日整改到位，情有可原' });
    expect(dismissed.body).toMatchObject({ state: 'DISMISSED' });
    expect(await headYear()).toMatchObject({ headAccountabilities: 1 });
    // The duty remains: the failed order can still be issued again.
    expect((await centre.post<Order>(`/api/v1/supervision-orders/${rectify.body.id}/reissue`, { comment: '继续整改', deadlineWorkingDays: 5 })).status).toBe(201);
  });

  it('gives a department 通报批评, and its quarterly grade drops by the deduction', async () => {
    const scjg = async () => (await centre.get<Pack>('/api/v1/reports/quarterly/2025Q4?live=true')).body.rows.find((r) => r.departmentCode === 'SCJG')!;
    const before = await scjg();
    expect(before.score.score).toBeGreaterThan(10);
    const sanction = await centre.post<Entry>('/api/v1/register/department-entries', {
      kind: 'DEPARTMENT_SANCTION', departmentCode: 'SCJG', measure: 'CIRCULATED_CRITICISM', basis: '第四季度超法定时限件数居全市首位', decidedOn: '2025-11-28',
    });
    expect(sanction.status).toBe(201);
    expect(sanction.body).toMatchObject({ subjectKind: 'DEPARTMENT', officerId: null, state: 'CONFIRMED', measure: 'CIRCULATED_CRITICISM' });
    const after = await scjg();
    expect(after.metrics.departmentSanctions).toEqual({ circulatedCriticism: 1, warning: 0 });
    expect(after.score.deducted).toBe(before.score.deducted + 5);
    expect(after.score.score).toBeCloseTo(before.score.score! - 5, 5);
    expect(await auditOf(`register:${sanction.body.id}`)).toBe(1);
    // The joint meeting's ranking shows it.
    const csv = (await centre.get<string>('/api/v1/reports/quarterly/2025Q4?format=csv&lang=en&live=true')).body.replace(/^\uFEFF/, '').split('\r\n');
    const at = csv[0].split(',').indexOf('Department criticised');
    expect(at).toBeGreaterThan(0);
    expect(csv.find((line) => line.split(',')[1] === 'SCJG')!.split(',')[at]).toBe('1');

    // Settings stored before the sanction deductions take their defaults; a city may weigh them otherwise.
    const older = { ...DEFAULT_REPORT_SETTINGS, grading: { ...DEFAULT_REPORT_SETTINGS.grading, deductions: { overdueSupervisionOrder: 2, overdueComplaint: 1, fault: 1 } } };
    expect((await t.admin.put('/api/v1/reports/settings', older)).status).toBe(200);
    expect((await t.admin.get<{ grading: { deductions: Record<string, number> } }>('/api/v1/reports/settings')).body.grading.deductions).toMatchObject({ circulatedCriticism: 5, departmentWarning: 10 });
    expect((await scjg()).score.score).toBeCloseTo(after.score.score!, 5);
    const heavier = { ...older, grading: { ...older.grading, deductions: { ...older.grading.deductions, circulatedCriticism: 12 } } };
    expect((await t.admin.put('/api/v1/reports/settings', heavier)).status).toBe(200);
    expect((await scjg()).score.score).toBeCloseTo(before.score.score! - 12, 5);
    expect((await t.admin.put('/api/v1/reports/settings', DEFAULT_REPORT_SETTINGS)).status).toBe(200);
  });

  it('records funds gained in breach of discipline and exports them for the personnel department', async () => {
    const funds = await centre.post<Entry>('/api/v1/register/department-entries', {
      kind: 'DISCIPLINE_FUNDS', departmentCode: 'SCJG', measure: 'HANDED_TO_TREASURY', amount: 12345.67, basis: '违规收取的审查费，已责令上缴国库',
    });
    expect(funds.status).toBe(201);
    expect(funds.body).toMatchObject({ kind: 'DISCIPLINE_FUNDS', subjectKind: 'DEPARTMENT', amount: '12345.67', officerId: null });
    const response = await fetch(`${t.baseUrl}/api/v1/register/years/${THIS_YEAR}/export`, { headers: { authorization: `Bearer ${centre.token}` } });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const records = book.getWorksheet('过错及处理记录')!;
    const header = records.getRow(1).values as unknown[];
    const column = (name: string) => header.indexOf(name);
    const row = [...Array(records.actualRowCount).keys()].map((i) => records.getRow(i + 1)).find((r) => r.getCell(column('id')).value === funds.body.id)!;
    expect([row.getCell(column('部门')).value, row.getCell(column('类别')).value, row.getCell(column('处理措施')).value, row.getCell(column('对象')).value, row.getCell(column('违纪所得款项（元）')).value]).toEqual([
      'SCJG', '违纪所得款项', '上缴国库', '部门', 12345.67,
    ]);
    const departmentRecords = (await centre.get<{ items: Entry[] }>('/api/v1/register/entries?subjectKind=DEPARTMENT')).body.items;
    expect(departmentRecords.map((e) => e.kind).sort()).toEqual(['DEPARTMENT_SANCTION', 'DISCIPLINE_FUNDS']);
    // A department's records are in no officer's year.
    const year = (await centre.get<{ officers: { officerId: string }[] }>(`/api/v1/register/years/${THIS_YEAR}`)).body;
    expect(year.officers.map((o) => o.officerId)).toEqual(['O-SCJG-1']);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const before = await writes();
    const [anOrder] = (await centre.get<{ items: Order[] }>('/api/v1/supervision-orders?state=ISSUED')).body.items;
    const cases: [Promise<{ status: number; body: Errors }>, string][] = [
      [centre.post<Errors>('/api/v1/register/department-entries', { kind: 'DISCIPLINE_FUNDS', departmentCode: 'SCJG', measure: 'RECOVERED', basis: '追缴' }), 'amount'],
      [centre.post<Errors>('/api/v1/register/department-entries', { kind: 'DISCIPLINE_FUNDS', departmentCode: 'SCJG', measure: 'RECOVERED', basis: '追缴', amount: 1.234 }), 'amount'],
      [centre.post<Errors>('/api/v1/register/department-entries', { kind: 'DEPARTMENT_SANCTION', departmentCode: 'SCJG', measure: 'REMOVAL', basis: 'x' }), 'measure'],
      [centre.post<Errors>('/api/v1/register/department-entries', { kind: 'DEPARTMENT_SANCTION', departmentCode: 'SCJG', measure: 'WARNING', basis: 'x', amount: 10 }), 'amount'],
      [centre.post<Errors>('/api/v1/register/department-entries', { kind: 'DEPARTMENT_SANCTION', departmentCode: 'SCJG', measure: 'WARNING', basis: 'x', decidedOn: '2999-01-01' }), 'decidedOn'],
      [issue({ kind: 'RECTIFY', reviewDecisionRef: '东复决字〔2026〕1号' }), 'reviewDecisionRef'],
      [issue({ kind: 'ORDER_OF_THE_DAY' }), 'kind'],
      [centre.get<Errors>('/api/v1/supervision-orders?kind=ORDER_OF_THE_DAY'), 'kind'],
      [centre.get<Errors>('/api/v1/register/entries?subjectKind=TEAM'), 'subjectKind'],
      [centre.post<Errors>(`/api/v1/supervision-orders/${anOrder.id}/verify`, { outcome: 'MAYBE', comment: 'x' }), 'outcome'],
      [centre.post<Errors>(`/api/v1/supervision-orders/${anOrder.id}/reissue`, { comment: 'x', dueOn: '2030-01-01', deadlineWorkingDays: 3 }), 'dueOn'],
    ];
    for (const [request, field] of cases) {
      const response = await request;
      expect([response.status, response.body.errors?.[0]?.path]).toEqual([400, field]);
    }
    expect(await writes()).toEqual(before);
  });

  it('answers another department’s orders and records 404, as if they did not exist', async () => {
    const mine = await issue({ kind: 'RECTIFY', subject: '另一部门不可见' });
    const [sanction] = (await centre.get<{ items: Entry[] }>('/api/v1/register/entries?kind=DEPARTMENT_SANCTION')).body.items;
    const before = await writes();
    expect((await zjj.post(`/api/v1/supervision-orders/${mine.body.id}/reply`, { reply: 'x' })).status).toBe(404);
    expect((await westRegion.post(`/api/v1/supervision-orders/${mine.body.id}/verify`, { outcome: 'VERIFIED', comment: 'x' })).status).toBe(404);
    expect((await westRegion.post(`/api/v1/supervision-orders/${mine.body.id}/escalate`, { comment: 'x' })).status).toBe(404);
    expect((await westRegion.post(`/api/v1/supervision-orders/${mine.body.id}/reissue`, { comment: 'x' })).status).toBe(404);
    expect((await westRegion.post('/api/v1/register/department-entries', { kind: 'DEPARTMENT_SANCTION', departmentCode: 'SCJG', measure: 'WARNING', basis: 'x' })).status).toBe(404);
    expect((await zjj.get(`/api/v1/register/entries/${sanction.id}`)).status).toBe(404);
    expect((await zjj.get<{ total: number }>('/api/v1/register/entries?kind=DEPARTMENT_SANCTION')).body.total).toBe(0);
    expect(await writes()).toEqual(before);
    // The east region sees and decides SCJG's own.
    expect((await eastRegion.post('/api/v1/register/department-entries', { kind: 'DEPARTMENT_SANCTION', departmentCode: 'SCJG', measure: 'WARNING', basis: '拒不履行复议决定', decidedOn: '2025-12-01' })).status).toBe(201);
  });
});
