import ExcelJS from 'exceljs';
import { OversightDeadlineWatcher } from '../apps/api/src/accountability/oversight-deadline-watcher.service';
import { NOVEMBER_EVENTS, REPORTS_CATALOGUE } from './fixtures/reports-november';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Card { id: string; rule: string; level: string; state: string; caseId: string; responsibleOfficerId: string | null; breachedAt: string }
interface Entry { id: string; state: string; kind: string; officerId: string; year: number; measure: string; committedOn: string; decidedOn: string }
interface Year { consequences: { faults: number; bySeverity: Record<string, number>; directResponsibilityFaults: number; awardEligible: boolean; assessment: string | null } }

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const DAY = 86_400_000;
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The local (Asia/Shanghai) day of an instant. */
const localDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('accountability register, supervision orders and complaints', () => {
  let t: TestApp;
  let centre: ApiClient;
  let department: ApiClient;
  let officer: ApiClient;
  let zjj: ApiClient;
  let cards: Card[];
  /** The register's year: the year the faults were committed (the cards' breach, November 2025), not decided. */
  let YEAR: number;

  const user = async (username: string, body: Record<string, unknown>) => {
    const put = await t.admin.put(`/api/v1/users/${username}`, { password: MATRIX_PASSWORD, ...body });
    expect(put.status).toBe(200);
    return t.admin.withToken(await signIn(t.admin.withToken(null), username, MATRIX_PASSWORD));
  };
  const card = (caseId: string, rule: string) => cards.find((c) => c.caseId === caseId && c.rule === rule)!;
  const fault = (alertId: string, extra: Record<string, unknown> = {}) =>
    centre.post<Entry & { errors?: { path: string }[] }>('/api/v1/register/faults', { alertId, severity: 'MINOR', measure: 'CRITICISM_EDUCATION', basis: '未在承诺时限内办结', directResponsibility: true, ...extra });

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    const keys = await setUpCatalogue(t.admin, REPORTS_CATALOGUE);
    expect((await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: NOVEMBER_EVENTS.SCJG })).status).toBe(202);
    cards = await waitFor(async () => {
      const listed = (await t.admin.get<{ items: Card[] }>('/api/v1/alerts?departmentCode=SCJG&pageSize=500')).body.items;
      return listed.some((c) => c.caseId === 'C' && c.rule === 'STATUTORY_OVERDUE') && listed.some((c) => c.caseId === 'B' && c.rule === 'PROMISED_OVERDUE') ? listed : undefined;
    }, 'cards of C and B');
    centre = await user('centre-sup', { role: 'centre_supervisor' });
    department = await user('scjg-head', { role: 'department_supervisor', departmentCode: 'SCJG' });
    officer = await user('li-ming', { role: 'officer', officerId: 'O-SCJG-2' });
    zjj = await user('zjj-head', { role: 'department_supervisor', departmentCode: 'ZJJ' });
    YEAR = Number(localDay(card('C', 'STATUTORY_OVERDUE').breachedAt).slice(0, 4));
  });
  afterAll(async () => t?.close());

  it('turns confirmed yellow and red cards into faults, once each, with the measures of the ladder', async () => {
    const red = card('C', 'STATUTORY_OVERDUE');
    expect(red).toMatchObject({ level: 'RED', responsibleOfficerId: 'O-SCJG-2' });
    const recorded = await fault(red.id);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ kind: 'FAULT', officerId: 'O-SCJG-2', officerName: '李明', state: 'CONFIRMED', year: YEAR, rule: 'STATUTORY_OVERDUE', caseId: 'C' });
    expect(recorded.body).toMatchObject({ committedOn: localDay(red.breachedAt), decidedOn: TODAY });
    expect((await fault(red.id)).status).toBe(409);
    expect((await fault(card('B', 'PROMISED_OVERDUE').id, { measure: 'REMOVAL' })).body.errors?.[0].path).toBe('measure');
    const prompt = cards.find((c) => c.level === 'PROMPT')!;
    expect((await fault(prompt.id)).status).toBe(409);
    expect((await fault(red.id, { officerId: 'O-ZJJ-1' })).body.errors?.[0].path).toBe('officerId');
    expect((await zjj.post('/api/v1/register/faults', { alertId: red.id, severity: 'MINOR', measure: 'CRITICISM_EDUCATION', basis: 'x', directResponsibility: true })).status).toBe(403);
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'register.fault.record'`)).toBe(1);
  });

  it('derives the year: any fault takes award eligibility, three general ones with direct responsibility mean "incompetent"; an upheld appeal revokes', async () => {
    const year = () => t.admin.get<Year>(`/api/v1/register/officers/O-SCJG-2/years/${YEAR}`);
    expect((await year()).body.consequences).toMatchObject({ faults: 1, awardEligible: false, assessment: null });
    const second = await fault(card('C', 'PROMISED_OVERDUE').id, { measure: 'CIRCULATED_CRITICISM' });
    const third = await fault(card('B', 'PROMISED_OVERDUE').id);
    expect([second.status, third.status]).toEqual([201, 201]);
    expect((await year()).body.consequences).toEqual({
      faults: 3, bySeverity: { MINOR: 3, SERIOUS: 0, GRAVE: 0 }, directResponsibilityFaults: 3, countedTowardsIncompetent: 3, awardEligible: false, awardWithheldBy: ['FAULT'],
      assessment: 'INCOMPETENT', headAccountabilities: 0, reprimands: 0, admonitoryTalks: 0, warningTalks: 0,
    });

    const appealed = await officer.post<Entry>(`/api/v1/register/entries/${third.body.id}/appeal`, { reason: '申请人补正材料延误，非本人原因' });
    expect(appealed.body.state).toBe('APPEALED');
    // An appeal does not suspend the decision.
    expect((await year()).body.consequences.assessment).toBe('INCOMPETENT');
    const decided = await centre.post<Entry>(`/api/v1/register/entries/${third.body.id}/decide-appeal`, { decision: 'UPHOLD', comment: '经核查，延误系申请人原因' });
    expect(decided.body.state).toBe('REVOKED');
    expect((await year()).body.consequences).toMatchObject({ faults: 2, directResponsibilityFaults: 2, awardEligible: false, assessment: null });
    expect((await officer.post(`/api/v1/register/entries/${third.body.id}/appeal`, { reason: 'again' })).status).toBe(409);
  });

  it('records a department head’s accountability; officers appeal only their own records; other departments see nothing', async () => {
    const committedOn = localDay(card('C', 'STATUTORY_OVERDUE').breachedAt);
    const head = await centre.post<Entry>('/api/v1/register/entries', { kind: 'HEAD_ACCOUNTABILITY', departmentCode: 'SCJG', officerId: 'O-SCJG-1', measure: 'ORDERED_APOLOGY', basis: '本季度超法定时限件数居全市首位', committedOn });
    expect(head.status).toBe(201);
    expect((await centre.post('/api/v1/register/entries', { kind: 'HEAD_ACCOUNTABILITY', departmentCode: 'SCJG', officerId: 'O-SCJG-1', measure: 'CIRCULATED_CRITICISM', basis: 'x' })).status).toBe(400);
    const refused = await officer.post<{ message: string }>(`/api/v1/register/entries/${head.body.id}/appeal`, { reason: '不服' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('officers appeal only their own records');
    expect((await zjj.get(`/api/v1/register/entries/${head.body.id}`)).status).toBe(404);
    expect((await zjj.get<{ total: number }>('/api/v1/register/entries')).body.total).toBe(0);
    expect((await zjj.get(`/api/v1/register/officers/O-SCJG-2/years/${YEAR}`)).status).toBe(404);
    expect((await department.get<{ total: number }>(`/api/v1/register/entries?year=${YEAR}`)).body.total).toBe(4);
  });

  it('exports the year for the personnel department as XLSX', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/register/years/${YEAR}/export`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['过错及处理记录', `${YEAR}年度汇总`, '行政首长问责', '警醒谈话覆盖']);
    const records = book.getWorksheet('过错及处理记录')!;
    expect(records.actualRowCount).toBe(1 + 4);
    expect(records.getRow(1).getCell(4).value).toBe('类别');
    const summary = book.getWorksheet(`${YEAR}年度汇总`)!;
    const li = [2, 3].map((r) => summary.getRow(r)).find((row) => row.getCell(2).value === 'O-SCJG-2')!;
    expect([li.getCell(3).value, li.getCell(4).value, li.getCell(5).value, li.getCell(6).value, li.getCell(9).value, li.getCell(11).value, li.getCell(12).value]).toEqual(['李明', 2, 2, 0, 2, '取消', '']);
    const heads = book.getWorksheet('行政首长问责')!;
    expect([heads.getCell('B2').value, heads.getCell('C2').value]).toEqual(['王主任', '责令公开道歉']);
  });

  it('flags a supervision order left unanswered past its deadline once, as a card on the wall and in the report', async () => {
    const issue = (subject: string) => centre.post<{ id: string; dueOn: string; overdue: boolean }>('/api/v1/supervision-orders', { departmentCode: 'SCJG', subject, detail: '限期办结并书面答复', caseId: 'C', deadlineWorkingDays: 5 });
    const answered = await issue('督办C案超期问题');
    const ignored = await issue('督办H案特别程序');
    expect(answered.status).toBe(201);
    expect(answered.body.overdue).toBe(false);
    expect((await department.post(`/api/v1/supervision-orders/${answered.body.id}/reply`, { reply: '已于当日办结' })).status).toBe(200);
    expect((await zjj.post(`/api/v1/supervision-orders/${ignored.body.id}/reply`, { reply: 'x' })).status).toBe(404);
    expect((await centre.post('/api/v1/supervision-orders', { departmentCode: 'SCJG', subject: 'x', detail: 'x', caseId: 'NOPE' })).status).toBe(400);

    const watcher = t.app.get(OversightDeadlineWatcher);
    const later = new Date(Date.now() + 30 * DAY);
    const [first, second] = await Promise.all([watcher.tick(later), watcher.tick(later)]);
    expect(first.orders + second.orders).toBe(1);
    expect((await watcher.tick(later)).orders).toBe(0);
    const flagged = (await t.admin.get<{ items: Card[] }>('/api/v1/alerts?departmentCode=SCJG&pageSize=500')).body.items.filter((c) => c.rule === 'SUPERVISION_ORDER_OVERDUE');
    expect(flagged).toEqual([expect.objectContaining({ caseId: `order:${ignored.body.id}`, level: 'YELLOW', state: 'OPEN' })]);
    expect((await centre.get<{ overdue: boolean; overdueAlertId: string }>(`/api/v1/supervision-orders/${ignored.body.id}`)).body).toMatchObject({ overdue: true, overdueAlertId: flagged[0].id });
    const m = (await t.admin.get<{ metrics: { supervisionOrders: unknown } }>(`/api/v1/reports/departments/SCJG?from=${TODAY}&to=${TODAY}`)).body.metrics;
    expect(m.supervisionOrders).toEqual({ issued: 2, replied: 1, repliedOnTime: 1, overdue: 1 });
  });

  it('takes complaints through acceptance, answer and conclusion; a missed limit raises a card', async () => {
    const register = (caseId?: string) =>
      centre.post<{ id: string; state: string; acceptanceDueAt: string }>('/api/v1/complaints', { departmentCode: 'SCJG', channel: 'HOTLINE', subject: '办理超期', content: '申请后一个月未获答复', complainantName: '张三', ...(caseId ? { caseId } : {}) });
    const handled = await register('C');
    const ignored = await register();
    expect(handled.status).toBe(201);
    expect(handled.body.state).toBe('RECEIVED');
    expect((await register('NOPE')).status).toBe(400);
    expect((await department.post(`/api/v1/complaints/${handled.body.id}/accept`)).status).toBe(200);
    expect((await department.post(`/api/v1/complaints/${handled.body.id}/conclude`, { conclusion: 'x', substantiated: true })).status).toBe(403);
    expect((await department.post(`/api/v1/complaints/${handled.body.id}/answer`, { answer: '已办结并向申请人说明' })).status).toBe(200);
    expect((await centre.post(`/api/v1/complaints/${handled.body.id}/conclude`, { conclusion: '投诉属实，已督促整改', substantiated: true })).status).toBe(200);
    expect((await centre.post(`/api/v1/complaints/${handled.body.id}/conclude`, { conclusion: 'again', substantiated: true })).status).toBe(409);

    // A day past the ignored complaint's own acceptance limit (5 working days: 10 calendar days are not
    // enough when "today" falls in the Spring Festival week), well before the handled one's 15.
    const flagged = await t.app.get(OversightDeadlineWatcher).tick(new Date(Date.parse(ignored.body.acceptanceDueAt) + DAY));
    expect(flagged).toMatchObject({ complaintAcceptance: 1, complaintHandling: 0 });
    const complaintCards = (await t.admin.get<{ items: Card[] }>('/api/v1/alerts?departmentCode=SCJG&pageSize=500')).body.items.filter((c) => c.caseId.startsWith('complaint:'));
    expect(complaintCards.map((c) => [c.caseId, c.rule])).toEqual([[`complaint:${ignored.body.id}`, 'COMPLAINT_ACCEPTANCE_OVERDUE']]);
    const m = (await t.admin.get<{ metrics: { complaints: unknown } }>(`/api/v1/reports/departments/SCJG?from=${TODAY}&to=${TODAY}`)).body.metrics;
    expect(m.complaints).toEqual({ received: 2, accepted: 1, refused: 0, concluded: 1, substantiated: 1, overdue: 1 });
    const audited = await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action LIKE 'complaint.%'`);
    expect(audited).toBe(5);
  });
});
