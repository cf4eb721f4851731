import ExcelJS from 'exceljs';
import { CaseEventInput, CatalogueFile } from '@app/contracts';
import { story } from './fixtures/reports-november';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Holding { id: string; officerId: string; officerName: string | null; validFrom: string; validTo: string | null }
interface Post { id: string; departmentCode: string; code: string; name: string; duties: string; isHead: boolean; holdings: Holding[]; errors?: { path: string; message: string }[] }
interface Card { id: string; rule: string; caseId: string; responsibleOfficerId: string | null; breachedAt: string; evidence: { facts: Record<string, unknown> } }
interface Entry { id: string; officerId: string; postCode: string | null; postName: string | null; dutyBreached: string | null; errors?: { path: string }[] }
interface ImportAnswer { postsCreated: number; postsUpdated: number; holdingsAdded: number; holdingsChanged: number; errors?: { path: string; message: string }[] }

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const REASON = '需现场核查，延长期限理由已书面告知申请人';

/** Nobody is flagged head in the catalogue: the head posts alone make O-SCJG-1 and O-SCJG-4 heads. */
const CATALOGUE: CatalogueFile = {
  regions: { R1: { name: '东城区' }, R2: { name: '西城区' } },
  departments: { SCJG: { name: '市场监督管理局', regionCode: 'R1' }, ZJJ: { name: '住房和城乡建设局', regionCode: 'R2' } },
  officers: {
    'O-SCJG-1': { name: '王局长', departmentCode: 'SCJG' },
    'O-SCJG-2': { name: '李明', departmentCode: 'SCJG', supervisorId: 'O-SCJG-1' },
    'O-SCJG-3': { name: '张伟', departmentCode: 'SCJG', supervisorId: 'O-SCJG-1' },
    'O-SCJG-4': { name: '刘副局长', departmentCode: 'SCJG' },
    'O-ZJJ-1': { name: '赵科长', departmentCode: 'ZJJ' },
  },
  items: {
    'SCJG-001': { name: '食品经营许可', departmentCode: 'SCJG', kind: 'PROMISED', statutoryDays: 20, promisedDays: 10, steps: [], feeFen: 0, requiredDocuments: [] },
    'ZJJ-001': { name: '建筑工程施工许可', departmentCode: 'ZJJ', kind: 'PROMISED', statutoryDays: 20, promisedDays: 20, steps: [], feeFen: 0, requiredDocuments: [] },
  },
};

const extension = (approvedBy: string) => ({ days: 10, approvedBy, reason: REASON });
/**
 * P1 accepted 2025-10-20 and never decided: promised limit passed early November, statutory
 * 2025-11-17 (both breaches on the decision stage). X1–X3 accepted 2025-09-26 (20 days → 10-30),
 * extended on 10-20 by the head post's holder (credited), by a clerk, and by a deputy whose head
 * post ended on 09-30 (neither credited), all decided 11-12.
 */
const EVENTS: CaseEventInput[] = [
  ...story('SCJG', 'P1', 'SCJG-001', [['SUBMITTED', '2025-10-20 09'], ['ACCEPTED', '2025-10-20 10']]),
  ...story('SCJG', 'X1', 'SCJG-001', [['SUBMITTED', '2025-09-26 09'], ['ACCEPTED', '2025-09-26 10'], ['EXTENDED', '2025-10-20 10', extension('O-SCJG-1')], ['DECIDED', '2025-11-12 10']]),
  ...story('SCJG', 'X2', 'SCJG-001', [['SUBMITTED', '2025-09-26 09'], ['ACCEPTED', '2025-09-26 10'], ['EXTENDED', '2025-10-20 10', extension('O-SCJG-3')], ['DECIDED', '2025-11-12 10']]),
  ...story('SCJG', 'X3', 'SCJG-001', [['SUBMITTED', '2025-09-26 09'], ['ACCEPTED', '2025-09-26 10'], ['EXTENDED', '2025-10-20 10', extension('O-SCJG-4')], ['DECIDED', '2025-11-12 10']]),
];

const post = (code: string, extra: Record<string, unknown> = {}) => ({
  departmentCode: 'SCJG',
  code,
  name: `${code}岗`,
  duties: `${code}岗职责`,
  legalBasis: '《中华人民共和国行政许可法》',
  itemCodes: [],
  stepCodes: [],
  isHead: false,
  ...extra,
});

describe('posts and duties (岗位责任信息库)', () => {
  let t: TestApp;
  let centre: ApiClient;
  let scjg: ApiClient;
  let zjj: ApiClient;
  let officer: ApiClient;
  let cards: Card[];
  const posts: Record<string, Post> = {};

  const user = async (username: string, body: Record<string, unknown>) => {
    expect((await t.admin.put(`/api/v1/users/${username}`, { password: MATRIX_PASSWORD, ...body })).status).toBe(200);
    return t.admin.withToken(await signIn(t.admin.withToken(null), username, MATRIX_PASSWORD));
  };
  const create = async (body: Record<string, unknown>, holdings: { officerId: string; validFrom: string; validTo?: string }[]) => {
    const created = await scjg.post<Post>('/api/v1/posts', body);
    expect(created.status).toBe(201);
    for (const holding of holdings) expect((await scjg.post(`/api/v1/posts/${created.body.id}/holdings`, holding)).status).toBe(201);
    return (await scjg.get<Post>(`/api/v1/posts/${created.body.id}`)).body;
  };
  const card = (caseId: string, rule: string) => cards.find((c) => c.caseId === caseId && c.rule === rule)!;
  const fault = (alertId: string, extra: Record<string, unknown> = {}) =>
    centre.post<Entry>('/api/v1/register/faults', { alertId, severity: 'MINOR', measure: 'CRITICISM_EDUCATION', basis: '超期未办结', directResponsibility: true, ...extra });
  const file = async (format: 'csv' | 'xlsx', client: ApiClient = t.admin) => {
    const response = await fetch(`${t.baseUrl}/api/v1/posts/export?format=${format}&departmentCode=SCJG`, { headers: { authorization: `Bearer ${client.token}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const importFile = (format: 'csv' | 'xlsx', content: Buffer | string, client: ApiClient = scjg) =>
    client.post<ImportAnswer>('/api/v1/posts/import', { format, contentBase64: Buffer.from(content).toString('base64') });

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    const keys = await setUpCatalogue(t.admin, CATALOGUE);
    centre = await user('posts-centre', { role: 'centre_supervisor' });
    scjg = await user('posts-scjg', { role: 'department_supervisor', departmentCode: 'SCJG' });
    zjj = await user('posts-zjj', { role: 'department_supervisor', departmentCode: 'ZJJ' });
    officer = await user('posts-li', { role: 'officer', officerId: 'O-SCJG-2' });
    // The posts come first: the clocks ask who was head on the day of each extension.
    posts.JZ = await create(post('JZ', { name: '局长', duties: '主持全面工作，批准延长审批期限', isHead: true }), [{ officerId: 'O-SCJG-1', validFrom: '2025-01-01' }]);
    posts.FJZ = await create(post('FJZ', { name: '副局长', isHead: true }), [{ officerId: 'O-SCJG-4', validFrom: '2025-01-01', validTo: '2025-09-30' }]);
    posts.SP = await create(post('SP', { name: '审批岗', duties: '在承诺时限内作出审批决定', itemCodes: ['SCJG-001'], stepCodes: ['DECIDE'] }), [{ officerId: 'O-SCJG-3', validFrom: '2025-01-01' }]);
    posts.SL = await create(post('SL', { name: '受理岗', duties: '=一次性告知申请人需补正的全部材料', stepCodes: ['ACCEPT'] }), [{ officerId: 'O-SCJG-2', validFrom: '2025-01-01' }]);
    expect((await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: EVENTS })).status).toBe(202);
    cards = await waitFor(async () => {
      const listed = (await t.admin.get<{ items: Card[] }>('/api/v1/alerts?departmentCode=SCJG&pageSize=500')).body.items;
      const ready = listed.some((c) => c.caseId === 'P1' && c.rule === 'STATUTORY_OVERDUE') && listed.filter((c) => c.rule === 'EXTENSION_IRREGULAR').length >= 2;
      return ready ? listed : undefined;
    }, 'the cards of P1, X2 and X3');
  });
  afterAll(async () => t?.close());

  it('keeps posts per department: codes unique within it, items of its own, another department’s post answers 404', async () => {
    expect(posts.SP).toMatchObject({ departmentCode: 'SCJG', code: 'SP', holdings: [{ officerId: 'O-SCJG-3', officerName: '张伟', validFrom: '2025-01-01', validTo: null }] });
    expect((await scjg.post('/api/v1/posts', post('SP'))).status).toBe(409);
    const before = await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM posts');
    const badItem = await scjg.post<Post>('/api/v1/posts', post('NEW', { itemCodes: ['ZJJ-001'] }));
    expect(badItem.status).toBe(400);
    expect(badItem.body.errors).toEqual([{ path: 'itemCodes/0', message: 'no item ZJJ-001 of department SCJG' }]);
    expect((await scjg.post<Post>('/api/v1/posts', post('NEW', { code: 'bad code' }))).body.errors?.[0].path).toBe('code');
    expect((await scjg.post(`/api/v1/posts/${posts.SP.id}/holdings`, { officerId: 'O-ZJJ-1', validFrom: '2025-01-01' })).status).toBe(400);
    expect((await scjg.post<Post>(`/api/v1/posts/${posts.SP.id}/holdings`, { officerId: 'O-SCJG-3', validFrom: '2025-06-01' })).body.errors?.[0].path).toBe('validFrom');
    expect(await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM posts')).toBe(before);
    expect(await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM post_holdings')).toBe(4);

    // The other department's supervisor: not found, whatever the route; its list is empty.
    expect((await zjj.get(`/api/v1/posts/${posts.SP.id}`)).status).toBe(404);
    expect((await zjj.put(`/api/v1/posts/${posts.SP.id}`, { name: 'x', duties: 'x', legalBasis: 'x', itemCodes: [], stepCodes: [], isHead: false })).status).toBe(404);
    expect((await zjj.post(`/api/v1/posts/${posts.SP.id}/holdings`, { officerId: 'O-ZJJ-1', validFrom: '2025-01-01' })).status).toBe(404);
    expect((await zjj.post('/api/v1/posts', post('ZZ'))).status).toBe(404);
    expect((await zjj.get<Post[]>('/api/v1/posts')).body).toEqual([]);
    // Officers read their own department's posts and change nothing.
    expect((await officer.get<Post[]>('/api/v1/posts')).body.map((p) => p.code)).toEqual(['FJZ', 'JZ', 'SL', 'SP']);
    expect((await officer.post('/api/v1/posts', post('OO'))).status).toBe(403);
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action IN ('post.create', 'post.holding.add')`)).toBe(8);
  });

  it('credits an extension approved by the holder of a head post on that day, and no one else', async () => {
    const clock = async (caseId: string) => (await t.admin.get<{ clocks: { kind: string; limitWorkingDays: number }[] }>(`/api/v1/cases/SCJG/${caseId}`)).body.clocks.find((c) => c.kind === 'DECISION_STATUTORY');
    expect(cards.filter((c) => c.caseId === 'X1').map((c) => c.rule)).not.toContain('EXTENSION_IRREGULAR');
    expect(await clock('X1')).toMatchObject({ limitWorkingDays: 30 });
    // A clerk, and a deputy whose head post had ended before the extension, are not heads.
    const evidence = async (caseId: string) => (await t.admin.get<Card>(`/api/v1/alerts/${card(caseId, 'EXTENSION_IRREGULAR').id}`)).body.evidence.facts;
    expect(await evidence('X2')).toMatchObject({ extensions: [{ approvedBy: 'O-SCJG-3', problems: ['NOT_A_HEAD'], headsInOffice: ['O-SCJG-1'] }] });
    expect(await evidence('X3')).toMatchObject({ extensions: [{ approvedBy: 'O-SCJG-4', problems: ['NOT_A_HEAD'] }] });
    expect(await clock('X2')).toMatchObject({ limitWorkingDays: 20 });
  });

  it('attributes a fault to whoever held the step’s post on the breach day, even after the post changed hands, and the entry names the post and the duty', async () => {
    const red = card('P1', 'STATUTORY_OVERDUE');
    expect(red.responsibleOfficerId).toBe('O-SCJG-2');
    // The decision post changes hands after the breach: 张伟 to 30 November, 李明 from 1 December.
    const open = posts.SP.holdings[0];
    expect((await scjg.post(`/api/v1/posts/${posts.SP.id}/holdings/${open.id}/end`, { validTo: '2025-11-30' })).status).toBe(200);
    expect((await zjj.post(`/api/v1/posts/${posts.SP.id}/holdings/${open.id}/end`, { validTo: '2025-11-30' })).status).toBe(404);
    expect((await scjg.post(`/api/v1/posts/${posts.SP.id}/holdings/${open.id}/end`, { validTo: '2025-12-31' })).status).toBe(409);
    const handedOver = await scjg.post<Post>(`/api/v1/posts/${posts.SP.id}/holdings`, { officerId: 'O-SCJG-2', validFrom: '2025-12-01' });
    expect(handedOver.body.holdings.map((h) => [h.officerId, h.validFrom, h.validTo])).toEqual([['O-SCJG-3', '2025-01-01', '2025-11-30'], ['O-SCJG-2', '2025-12-01', null]]);

    // The card itself says who answers for it by the posts base (another department: 404).
    expect((await scjg.get<{ attribution: unknown }>(`/api/v1/posts/cards/${red.id}`)).body.attribution).toMatchObject({ postCode: 'SP', officerId: 'O-SCJG-3', basis: 'STEP_POST', step: 'DECIDE' });
    expect((await zjj.get(`/api/v1/posts/cards/${red.id}`)).status).toBe(404);
    const recorded = await fault(red.id);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ officerId: 'O-SCJG-3', postCode: 'SP', postName: '审批岗', dutyBreached: '在承诺时限内作出审批决定' });
    // Named by the supervisor: the post that officer held that day (not the decision post, which was 张伟's).
    const named = await fault(card('P1', 'PROMISED_OVERDUE').id, { officerId: 'O-SCJG-2' });
    expect(named.body).toMatchObject({ officerId: 'O-SCJG-2', postCode: 'SL', postName: '受理岗', dutyBreached: '=一次性告知申请人需补正的全部材料' });
    // Other entries name the officer's post too; a warning talk names no duty breached.
    const talk = await scjg.post<Entry>('/api/v1/register/warning-talks', { officerId: 'O-SCJG-3', heldOn: '2025-12-15', notes: '年度警醒谈话' });
    expect(talk.body).toMatchObject({ postCode: null, dutyBreached: null });
    const head = await centre.post<Entry>('/api/v1/register/entries', { kind: 'HEAD_ACCOUNTABILITY', departmentCode: 'SCJG', officerId: 'O-SCJG-1', measure: 'ORDERED_APOLOGY', basis: '超期多发', committedOn: '2025-11-20' });
    expect(head.body).toMatchObject({ postCode: 'JZ', postName: '局长', dutyBreached: '主持全面工作，批准延长审批期限' });

    const listed = (await centre.get<{ items: Entry[] }>(`/api/v1/register/entries?officerId=O-SCJG-3&kind=FAULT`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: recorded.body.id, postCode: 'SP', dutyBreached: '在承诺时限内作出审批决定' })]);
    const response = await fetch(`${t.baseUrl}/api/v1/register/years/2025/export`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('过错及处理记录')!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (heading: string) => headings.indexOf(heading) + 1;
    const row = [...Array(sheet.actualRowCount - 1).keys()].map((i) => sheet.getRow(i + 2)).find((r) => r.getCell(column('id')).value === recorded.body.id)!;
    expect([row.getCell(column('岗位编码')).value, row.getCell(column('岗位名称')).value, row.getCell(column('违反的岗位职责')).value]).toEqual(['SP', '审批岗', '在承诺时限内作出审批决定']);
  });

  it('exports the posts with their holdings as CSV (formulas neutralised) and XLSX, and imports them back', async () => {
    const csv = (await file('csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF部门代码,岗位代码,岗位名称,岗位职责')).toBe(true);
    expect(csv).toContain(`SCJG,SL,受理岗,'=一次性告知申请人需补正的全部材料`);
    expect(csv).toContain('SCJG,SP,审批岗,在承诺时限内作出审批决定,《中华人民共和国行政许可法》,SCJG-001,DECIDE,否,O-SCJG-3,张伟,2025-01-01,2025-11-30');
    // The same table back: nothing changes (the apostrophe is taken off again).
    expect((await importFile('csv', csv)).body).toEqual({ rows: 5, postsCreated: 0, postsUpdated: 0, holdingsAdded: 0, holdingsChanged: 0 });
    expect((await scjg.get<Post>(`/api/v1/posts/${posts.SL.id}`)).body.duties).toBe('=一次性告知申请人需补正的全部材料');

    // The personnel department adds a post and its holder in the workbook, and ends a holding.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file('xlsx', officer)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('岗位责任')!;
    expect(sheet.actualRowCount).toBe(1 + 5);
    sheet.addRow(['SCJG', 'FZ', '发证岗', '按时制证送达', '《行政许可法》第四十四条', '', 'ISSUE', '否', 'O-SCJG-4', '刘副局长', '2025-10-01', '']);
    const li = [...Array(5).keys()].map((i) => sheet.getRow(i + 2)).find((r) => r.getCell(2).value === 'SP' && r.getCell(9).value === 'O-SCJG-2')!;
    li.getCell(12).value = '2026-06-30';
    const imported = await importFile('xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(imported.body).toEqual({ rows: 6, postsCreated: 1, postsUpdated: 0, holdingsAdded: 1, holdingsChanged: 1 });
    const all = (await scjg.get<Post[]>('/api/v1/posts')).body;
    expect(all.find((p) => p.code === 'FZ')).toMatchObject({ name: '发证岗', stepCodes: ['ISSUE'], holdings: [{ officerId: 'O-SCJG-4', validFrom: '2025-10-01', validTo: null }] });
    expect(all.find((p) => p.code === 'SP')?.holdings.map((h) => h.validTo)).toEqual(['2025-11-30', '2026-06-30']);
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'post.import'`)).toBe(2);
  });

  it('refuses a file with a bad row as a whole, naming the row and the column', async () => {
    const before = [await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM posts'), await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM post_holdings')];
    const rows = [
      '部门代码,岗位代码,岗位名称,岗位职责,法律依据,办理事项,办理环节,负责人岗位,工号,姓名,任职起始日,任职截止日',
      'SCJG,HC,核查岗,现场核查,《行政许可法》,,INSPECT,否,O-SCJG-3,张伟,2025-01-01,',
      'SCJG,HC2,核查岗二,现场核查,《行政许可法》,,INSPECT,否,O-SCJG-3,张伟,2025-13-01,',
      'SCJG,HC3,核查岗三,现场核查,《行政许可法》,NOPE-1,INSPECT,也许,O-ZJJ-1,赵科长,2025-01-01,',
      'ZJJ,ZJ,其他部门岗,职责,依据,,,否,,,,',
    ];
    const refused = await importFile('csv', rows.join('\r\n'));
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.path).sort()).toEqual(['rows/3/validFrom', 'rows/4/isHead', 'rows/5/departmentCode'].sort());
    expect(refused.body.errors?.find((e) => e.path === 'rows/3/validFrom')?.message).toBe('第3行「任职起始日」(validFrom): must be a date YYYY-MM-DD');
    // Row 4 once its format is right: its item and officer are checked against the store.
    const second = await importFile('csv', [rows[0], rows[1], rows[3].replace('也许', '否')].join('\r\n'));
    expect(second.body.errors?.map((e) => e.path)).toEqual(['rows/3/itemCodes', 'rows/3/officerId']);
    const missingColumn = await importFile('csv', '部门代码,岗位代码\r\nSCJG,X\r\n');
    expect(missingColumn.body.errors?.[0]).toMatchObject({ path: 'columns/name' });
    expect([await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM posts'), await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM post_holdings')]).toEqual(before);
    expect((await importFile('csv', rows[0], officer)).status).toBe(403);
  });

  it('deletes only a post nobody held; a post with history stays', async () => {
    expect((await scjg.delete(`/api/v1/posts/${posts.SP.id}`)).status).toBe(409);
    const empty = await scjg.post<Post>('/api/v1/posts', post('TMP'));
    expect((await zjj.delete(`/api/v1/posts/${empty.body.id}`)).status).toBe(404);
    expect((await scjg.delete(`/api/v1/posts/${empty.body.id}`)).status).toBe(204);
    expect((await scjg.get(`/api/v1/posts/${empty.body.id}`)).status).toBe(404);
  });
});
