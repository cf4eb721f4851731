import ExcelJS from 'exceljs';
import { OversightDeadlineWatcher } from '../apps/api/src/accountability/oversight-deadline-watcher.service';
import { REPORTS_CATALOGUE } from './fixtures/reports-november';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

interface Clue { id: string; state: string; assignee: string | null; outcome: string | null; channel: string; sourceBodyCode: string | null; bodyReportId: string | null; sourceReferenceNo: string; dueOn: string | null; registerEntryId: string | null; overdue: boolean; overdueAlertId: string | null; deliveries?: Delivery[] }
interface Delivery { id: string; bodyCode: string; kind: string; contentSummary: string; acknowledgedAt: string | null; reply: string | null }
interface Errors { errors?: { path: string; message: string }[] }

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const DAY = 86_400_000;
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('clues from every channel, bodies, referral, feedback and copies', () => {
  let t: TestApp;
  let centre: ApiClient;
  let scjg: ApiClient;
  let zjj: ApiClient;
  let auditLiaison: ApiClient;
  let clues = 0;
  const deliveries = () => countRows(t.databaseUrl, 'SELECT count(*) AS n FROM clue_deliveries');
  const count = async (table: string) => countRows(t.databaseUrl, `SELECT count(*) AS n FROM ${table}`);

  const user = async (username: string, body: Record<string, unknown>) => {
    const put = await t.admin.put(`/api/v1/users/${username}`, { password: MATRIX_PASSWORD, ...body });
    expect(put.status).toBe(200);
    return t.admin.withToken(await signIn(t.admin.withToken(null), username, MATRIX_PASSWORD));
  };
  const newClue = async (body: Record<string, unknown>) => {
    const r = await centre.post<Clue & Errors>('/api/v1/clues', body);
    expect(r.status).toBe(201);
    clues++;
    return r.body;
  };
  const manual = (subject: string) => newClue({ channel: 'PUBLIC_REPORT', subject, detail: '群众来信反映', departmentCodes: ['SCJG'], source: { referenceNo: `举-${subject}`, title: '来信', date: TODAY } });

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    await setUpCatalogue(t.admin, REPORTS_CATALOGUE);
    const admin = await user('centre-admin', { role: 'centre_admin' });
    for (const [code, name, kind] of [['SJJ', '市审计局', 'AUDIT'], ['FZB', '市法制办', 'LEGAL'], ['RSJ', '市人事局', 'PERSONNEL']]) {
      expect((await admin.put(`/api/v1/accountability-bodies/${code}`, { name, kind })).status).toBe(200);
    }
    centre = await user('centre-sup', { role: 'centre_supervisor' });
    scjg = await user('scjg-head', { role: 'department_supervisor', departmentCode: 'SCJG' });
    zjj = await user('zjj-head', { role: 'department_supervisor', departmentCode: 'ZJJ' });
    auditLiaison = await user('sjj-liaison', { role: 'body_liaison', bodyCode: 'SJJ' });
  });
  afterAll(async () => t?.close());

  it('takes an audit report’s clue to a register entry, fed back to the audit body and copied to personnel, all audited', async () => {
    const report = await centre.post<{ id: string }>('/api/v1/body-reports', {
      bodyCode: 'SJJ', kind: 'AUDIT_RESULT_REPORT', referenceNo: '审报〔2026〕12号', title: '市场监管局2025年度经济责任审计结果', issuedOn: TODAY, summary: '发现违规收费', departmentCodes: ['SCJG'],
    });
    expect(report.status).toBe(201);
    const clue = await newClue({ bodyReportId: report.body.id, channel: 'ECONOMIC_RESPONSIBILITY_AUDIT', subject: '违规收费', detail: '审计发现登记窗口违规收取材料费', departmentCodes: ['SCJG'], officerIds: ['O-SCJG-2'] });
    expect(clue).toMatchObject({ state: 'REGISTERED', channel: 'ECONOMIC_RESPONSIBILITY_AUDIT', sourceBodyCode: 'SJJ', bodyReportId: report.body.id, sourceReferenceNo: '审报〔2026〕12号' });
    expect((await scjg.get<{ clues: { id: string }[] }>(`/api/v1/body-reports/${report.body.id}`)).body.clues.map((c) => c.id)).toEqual([clue.id]);
    expect((await zjj.get(`/api/v1/body-reports/${report.body.id}`)).status).toBe(404);

    const early = await centre.post(`/api/v1/clues/${clue.id}/conclude`, { outcome: 'UNSUBSTANTIATED', conclusion: 'x' });
    expect(early.status).toBe(409);
    const assigned = await centre.post<Clue>(`/api/v1/clues/${clue.id}/assign`, { assignee: 'centre-sup' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.state).toBe('INVESTIGATING');
    expect(assigned.body.dueOn! > TODAY).toBe(true);

    const concluded = await centre.post<Clue>(`/api/v1/clues/${clue.id}/conclude`, {
      outcome: 'SUBSTANTIATED', conclusion: '经查属实，责令退还', sanction: { officerId: 'O-SCJG-2', kind: 'FAULT', severity: 'MINOR', measure: 'CIRCULATED_CRITICISM', directResponsibility: true },
    });
    expect(concluded.status).toBe(200);
    expect(concluded.body).toMatchObject({ state: 'CONCLUDED', outcome: 'SUBSTANTIATED' });
    const entry = await t.admin.get<{ basis: string }>(`/api/v1/register/entries/${concluded.body.registerEntryId}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({ officerId: 'O-SCJG-2', kind: 'FAULT', measure: 'CIRCULATED_CRITICISM', state: 'CONFIRMED' });
    expect(entry.body.basis).toContain('审报〔2026〕12号');
    expect(concluded.body.deliveries!.map((d) => [d.bodyCode, d.kind])).toEqual([['SJJ', 'FEEDBACK'], ['RSJ', 'COPY']]);

    const audit = await t.admin.get<{ items: { action: string; target: string }[] }>('/api/v1/audit?pageSize=100');
    const actions = audit.body.items.map((a) => a.action);
    for (const action of ['body.create', 'body_report.register', 'clue.register', 'clue.assign', 'clue.conclude', 'register.fault.record', 'clue.delivery.feedback', 'clue.delivery.copy']) expect(actions).toContain(action);
    expect((await t.admin.get<{ ok: boolean }>('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('records a substantiated clue about a department as a whole as the department’s entry (警告, 违纪所得款项)', async () => {
    const warned = await manual('部门整体违规');
    await centre.post(`/api/v1/clues/${warned.id}/assign`, { assignee: 'centre-sup' });
    const concluded = await centre.post<Clue>(`/api/v1/clues/${warned.id}/conclude`, {
      outcome: 'SUBSTANTIATED', conclusion: '部门集体研究决定违规收费', sanction: { kind: 'DEPARTMENT_SANCTION', measure: 'WARNING', departmentCode: 'SCJG' },
    });
    expect(concluded.status).toBe(200);
    const entry = await t.admin.get<{ subjectKind: string; officerId: string | null; kind: string; measure: string; basis: string }>(`/api/v1/register/entries/${concluded.body.registerEntryId}`);
    expect(entry.body).toMatchObject({ subjectKind: 'DEPARTMENT', officerId: null, kind: 'DEPARTMENT_SANCTION', measure: 'WARNING' });
    expect(entry.body.basis).toContain('部门整体违规');

    const funds = await manual('违规收费所得');
    await centre.post(`/api/v1/clues/${funds.id}/assign`, { assignee: 'centre-sup' });
    const recovered = await centre.post<Clue>(`/api/v1/clues/${funds.id}/conclude`, {
      outcome: 'SUBSTANTIATED', conclusion: '违规收费所得予以追缴', sanction: { kind: 'DISCIPLINE_FUNDS', measure: 'RECOVERED', departmentCode: 'SCJG', amount: 12800.5 },
    });
    expect(recovered.status).toBe(200);
    const fundsEntry = await t.admin.get<{ subjectKind: string; amount: string }>(`/api/v1/register/entries/${recovered.body.registerEntryId}`);
    expect(fundsEntry.body).toMatchObject({ subjectKind: 'DEPARTMENT', amount: '12800.50' });
    const actions = (await countRows(t.databaseUrl, "SELECT count(*) AS n FROM audit_log WHERE action IN ('register.department_sanction.record', 'register.discipline_funds.record')"));
    expect(actions).toBe(2);
  });

  it('raises an oversight card on a clue left past its investigation deadline, once', async () => {
    const clue = await manual('逾期核查');
    const first = await centre.post<Clue>(`/api/v1/clues/${clue.id}/assign`, { assignee: 'centre-sup', deadlineWorkingDays: 2 });
    expect(first.status).toBe(200);
    // Handed to another investigator, the investigation keeps its deadline.
    await user('region-sup', { role: 'region_supervisor', regionCode: 'R1' });
    expect((await centre.post<Clue>(`/api/v1/clues/${clue.id}/assign`, { assignee: 'region-sup' })).body).toMatchObject({ assignee: 'region-sup', dueOn: first.body.dueOn });
    const watcher = t.app.get(OversightDeadlineWatcher);
    expect((await watcher.tick(new Date(Date.now() + 2 * DAY))).clueInvestigation).toBe(0);
    expect((await watcher.tick(new Date(Date.now() + 10 * DAY))).clueInvestigation).toBe(1);
    expect((await watcher.tick(new Date(Date.now() + 11 * DAY))).clueInvestigation).toBe(0);
    const cards = await t.admin.get<{ items: { id: string; rule: string; level: string; departmentCode: string }[] }>('/api/v1/alerts?departmentCode=SCJG&pageSize=500');
    const card = cards.body.items.filter((c) => c.rule === 'CLUE_INVESTIGATION_OVERDUE');
    expect(card).toHaveLength(1);
    expect(card[0]).toMatchObject({ level: 'YELLOW', departmentCode: 'SCJG' });
    expect((await centre.get<Clue>(`/api/v1/clues/${clue.id}`)).body).toMatchObject({ overdue: true, overdueAlertId: card[0].id });
  });

  it('refers a clue to the legal body; the audit body’s liaison sees and acknowledges its own feedback only', async () => {
    const clue = await manual('移送法制');
    await centre.post(`/api/v1/clues/${clue.id}/assign`, { assignee: 'centre-sup' });
    const referred = await centre.post<Clue>(`/api/v1/clues/${clue.id}/conclude`, { outcome: 'REFERRED', conclusion: '涉及行政执法违法，移送法制部门', referredToBodyCode: 'FZB' });
    expect(referred.status).toBe(200);
    expect(referred.body).toMatchObject({ outcome: 'REFERRED', registerEntryId: null });
    const referral = referred.body.deliveries!.find((d) => d.kind === 'REFERRAL')!;
    expect(referral.bodyCode).toBe('FZB');

    expect((await auditLiaison.get('/api/v1/me')).body).toMatchObject({ kind: 'body_liaison', bodyCode: 'SJJ', scope: { allDepartments: false, departmentCodes: [], bodyCode: 'SJJ' } });
    const own = await auditLiaison.get<{ total: number; items: Delivery[] }>('/api/v1/clue-deliveries');
    expect(own.status).toBe(200);
    expect(own.body.items.map((d) => [d.bodyCode, d.kind])).toEqual([['SJJ', 'FEEDBACK']]);
    expect((await auditLiaison.get(`/api/v1/clue-deliveries/${referral.id}`)).status).toBe(404);
    expect((await auditLiaison.post(`/api/v1/clue-deliveries/${referral.id}/acknowledge`, {})).status).toBe(404);
    expect((await auditLiaison.get(`/api/v1/clue-deliveries?bodyCode=FZB`)).body).toMatchObject({ total: 0 });
    expect((await auditLiaison.get(`/api/v1/clues/${clue.id}`)).status).toBe(403);

    const acknowledged = await auditLiaison.post<Delivery>(`/api/v1/clue-deliveries/${own.body.items[0].id}/acknowledge`, { reply: '已收悉，将纳入审计整改跟踪' });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ reply: '已收悉，将纳入审计整改跟踪' });
    expect(acknowledged.body.acknowledgedAt).not.toBeNull();
    expect((await auditLiaison.post(`/api/v1/clue-deliveries/${own.body.items[0].id}/acknowledge`, {})).status).toBe(409);
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'clue.delivery.acknowledge' AND actor_id = 'sjj-liaison'`)).toBe(1);

    const csv = await centre.get<string>('/api/v1/clue-deliveries/export?format=csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('送达机关,类别');
    expect(String(csv.body)).toContain('移送');
    const xlsx = await fetch(`${t.admin.baseUrl}/api/v1/clue-deliveries/export?format=xlsx`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('反馈移送抄送记录')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('送达机关');
    expect(sheet.rowCount).toBe(1 + (await deliveries()));
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = [await count('clues'), await count('clue_deliveries'), await count('register_entries'), await count('body_reports')];
    const bad = async (path: string, body: unknown, field: string) => {
      const r = await centre.post<Errors>(path, body);
      expect({ path, status: r.status }).toEqual({ path, status: 400 });
      expect(r.body.errors?.map((e) => e.path)).toContain(field);
    };
    await bad('/api/v1/clues', { channel: 'GOSSIP', subject: 'x', detail: 'x', departmentCodes: ['SCJG'] }, 'channel');
    await bad('/api/v1/clues', { channel: 'NEWS_MEDIA', subject: 'x', detail: 'x', departmentCodes: ['SCJG'] }, 'source.referenceNo');
    await bad('/api/v1/clues', { channel: 'NEWS_MEDIA', subject: 'x', detail: 'x', departmentCodes: ['SCJG'], officerIds: ['O-ZJJ-1'], source: { referenceNo: 'a', title: 'b', date: TODAY } }, 'officerIds.0');
    await bad('/api/v1/clues', { channel: 'NEWS_MEDIA', subject: 'x', detail: 'x', departmentCodes: ['SCJG'], sourceBodyCode: 'NOPE', source: { referenceNo: 'a', title: 'b', date: TODAY } }, 'sourceBodyCode');
    await bad('/api/v1/clues', { channel: 'SYSTEM_CARD', subject: 'x', detail: 'x', departmentCodes: ['SCJG'], source: { referenceNo: 'a', title: 'b', date: TODAY } }, 'alertIds');
    await bad('/api/v1/body-reports', { bodyCode: 'SJJ', kind: 'AUDIT_RESULT_REPORT', referenceNo: 'a', title: 'b', issuedOn: '2999-01-01', summary: 'c', departmentCodes: ['SCJG'] }, 'issuedOn');
    const open = await manual('坏输入');
    await centre.post(`/api/v1/clues/${open.id}/assign`, { assignee: 'centre-sup' });
    await bad(`/api/v1/clues/${open.id}/assign`, { assignee: 'scjg-head' }, 'assignee');
    await user('r2-sup', { role: 'region_supervisor', regionCode: 'R2' });
    await bad(`/api/v1/clues/${open.id}/assign`, { assignee: 'r2-sup' }, 'assignee');
    await bad(`/api/v1/clues/${open.id}/conclude`, { outcome: 'SUBSTANTIATED', conclusion: '属实' }, 'sanction');
    await bad(`/api/v1/clues/${open.id}/conclude`, { outcome: 'REFERRED', conclusion: '移送' }, 'referredToBodyCode');
    await bad(`/api/v1/clues/${open.id}/conclude`, { outcome: 'SUBSTANTIATED', conclusion: '属实', sanction: { officerId: 'O-ZJJ-1', kind: 'FAULT', severity: 'MINOR', measure: 'CRITICISM_EDUCATION' } }, 'sanction.officerId');
    await bad(`/api/v1/clues/${open.id}/conclude`, { outcome: 'SUBSTANTIATED', conclusion: '属实', sanction: { officerId: 'O-SCJG-2', kind: 'FAULT', severity: 'MINOR', measure: 'REMOVAL' } }, 'sanction.measure');
    await bad(`/api/v1/clues/${open.id}/conclude`, { outcome: 'SUBSTANTIATED', conclusion: '属实', sanction: { kind: 'DEPARTMENT_SANCTION', measure: 'WARNING', departmentCode: 'ZJJ' } }, 'sanction.departmentCode');
    await bad(`/api/v1/clues/${open.id}/conclude`, { outcome: 'SUBSTANTIATED', conclusion: '属实', sanction: { kind: 'DEPARTMENT_SANCTION', measure: 'WARNING', departmentCode: 'SCJG', officerId: 'O-SCJG-2' } }, 'sanction.officerId');
    await bad(`/api/v1/clues/${open.id}/conclude`, { outcome: 'SUBSTANTIATED', conclusion: '属实', sanction: { kind: 'DISCIPLINE_FUNDS', measure: 'RECOVERED', departmentCode: 'SCJG' } }, 'sanction.amount');
    await bad(`/api/v1/clues/${open.id}/conclude`, { outcome: 'SUBSTANTIATED', conclusion: '属实', sanction: { kind: 'FAULT', severity: 'MINOR', measure: 'CRITICISM_EDUCATION' } }, 'sanction.officerId');
    expect((await t.admin.put('/api/v1/users/bad-liaison', { password: MATRIX_PASSWORD, role: 'body_liaison' })).body).toMatchObject({ errors: [{ path: 'bodyCode' }] });
    expect((await t.admin.put('/api/v1/users/bad-liaison', { password: MATRIX_PASSWORD, role: 'body_liaison', bodyCode: 'NOPE' })).status).toBe(400);
    // Only the one clue registered for the conclusions was written; it is still under investigation.
    expect([await count('clues'), await count('clue_deliveries'), await count('register_entries'), await count('body_reports')]).toEqual([before[0] + 1, before[1], before[2], before[3]]);
    expect((await centre.get<Clue>(`/api/v1/clues/${open.id}`)).body.state).toBe('INVESTIGATING');
  });

  it('shows a department its linked clues only; another department’s clue answers 404', async () => {
    const mine = await manual('本部门线索');
    const theirs = await newClue({ channel: 'NEWS_MEDIA', subject: '媒体曝光', detail: '报道', departmentCodes: ['ZJJ'], source: { referenceNo: '报-1', title: '晚报', date: TODAY } });
    expect((await scjg.get(`/api/v1/clues/${mine.id}`)).status).toBe(200);
    const other = await scjg.get<Errors>(`/api/v1/clues/${theirs.id}`);
    expect(other.status).toBe(404);
    expect((await scjg.get<{ items: Clue[] }>('/api/v1/clues?pageSize=500')).body.items.map((c) => c.id)).not.toContain(theirs.id);
    expect((await zjj.get<{ items: Clue[] }>('/api/v1/clues?pageSize=500')).body.items.map((c) => c.id)).toEqual([theirs.id]);
    expect((await scjg.post(`/api/v1/clues/${mine.id}/assign`, { assignee: 'centre-sup' })).status).toBe(403);
    expect((await zjj.get('/api/v1/clue-deliveries')).status).toBe(403);
    expect(await count('clues')).toBe(clues);
  });
});
