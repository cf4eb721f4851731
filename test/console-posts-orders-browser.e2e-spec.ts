import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { apiAs, ListedCard, setUpConsoleWorld, signInWithKeyboard } from './support/console-browser-world';
import { chooseOption, fieldErrorOf } from './support/console-section-helpers';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWallBuilt } from './support/wall-build';

interface ApiPost {
  id: string;
  code: string;
  name: string;
  duties: string;
  stepCodes: string[];
  isHead: boolean;
  holdings: { officerId: string; validFrom: string; validTo: string | null }[];
}
interface ApiOrder {
  id: string;
  kind: string;
  state: string;
  reviewDecisionRef: string | null;
  previousOrderId: string | null;
  reissuedOrderId: string | null;
  headProposalId: string | null;
  dueOn: string;
}
interface ApiEntry {
  id: string;
  kind: string;
  state: string;
  measure: string;
  officerId: string | null;
  subjectKind: string;
  departmentCode: string;
  supervisionOrderId: string | null;
}

/** A local day `days` from today, YYYY-MM-DD (a deadline well in the future). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Issue 15's console pages in a real Chromium against the real server: 岗位责任 (posts, holdings,
 * the table's import), orders of kinds (限期履行 with its review decision: replied, found not carried
 * out, re-issued, escalated), the head-accountability proposal confirmed on the register, and a
 * 通报批评 on a department. Every outcome is read back from the API.
 */
describe('console: posts and duties, orders of kinds and department sanctions in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let cards: Record<'ack' | 'appeal' | 'other', ListedCard>;

  beforeAll(async () => {
    ensureWallBuilt();
    t = await startTestApp({ SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', LOGIN_RATE_LIMIT_MAX: '200' });
    cards = await setUpConsoleWorld(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const action = (page: Page) => page.locator('[data-form="action"]');
  const submitAction = (page: Page) => page.locator('[data-dialog="action"] [data-action="submit"]').click();
  const actionClosed = (page: Page) => page.locator('[data-dialog="action"]').waitFor({ state: 'hidden' });
  /** A date picker takes the typed day on Enter. */
  const typeDate = async (page: Page, form: string, name: string, day: string): Promise<void> => {
    const input = page.locator(`[data-form="${form}"] input[name="${name}"]`);
    await input.fill(day);
    await input.press('Enter');
  };
  const postsOf = async (departmentCode: string): Promise<ApiPost[]> => (await (await apiAs(t, 'departmentSupervisor')).get<ApiPost[]>(`/api/v1/posts?departmentCode=${departmentCode}`)).body;

  it('a department supervisor creates a post with a holding; a bad holding date and a bad imported row are shown where they are', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })).newPage();
    await signInWithKeyboard(page, t.baseUrl, 'departmentSupervisor', '/console/accountability/posts');
    await page.locator('[data-testid="posts-page"]').waitFor();
    // Their own department is chosen for them.
    await page.locator('[data-testid="posts-department"] .el-select__selected-item', { hasText: 'SCJG' }).waitFor();

    await page.locator('[data-testid="post-create"]').click();
    const form = page.locator('[data-form="post"]');
    await form.locator('input[name="code"]').fill('SL-01');
    await form.locator('input[name="name"]').fill('受理岗');
    await form.locator('textarea[name="duties"]').fill('审核申请材料，符合条件的当场受理，不符合的一次性告知。');
    await form.locator('textarea[name="legalBasis"]').fill('《中华人民共和国行政许可法》第三十二条');
    await chooseOption(page, 'post', 'stepCodes', 'ACCEPT');
    await page.keyboard.press('Escape');
    await page.locator('.el-dialog [data-action="submit"]').click();
    await page.locator('[data-post="SL-01"]').waitFor();
    const [created] = (await postsOf('SCJG')).filter((p) => p.code === 'SL-01');
    expect(created).toEqual(expect.objectContaining({ name: '受理岗', stepCodes: ['ACCEPT'], isHead: false, holdings: [] }));

    // 任职登记: a last day before the first is refused at the last day's field, and nothing is held.
    await page.locator('[data-add-holding="SL-01"]').click();
    await chooseOption(page, 'action', 'officerId', 'O-SCJG-2');
    await typeDate(page, 'action', 'validFrom', '2025-03-01');
    await typeDate(page, 'action', 'validTo', '2025-02-01');
    await submitAction(page);
    expect(await fieldErrorOf(page, 'action', 'validTo')).toContain('not before 2025-03-01');
    expect((await postsOf('SCJG')).find((p) => p.code === 'SL-01')?.holdings).toEqual([]);

    await typeDate(page, 'action', 'validTo', '2026-12-31');
    await submitAction(page);
    await actionClosed(page);
    expect((await postsOf('SCJG')).find((p) => p.code === 'SL-01')?.holdings).toEqual([expect.objectContaining({ officerId: 'O-SCJG-2', validFrom: '2025-03-01', validTo: '2026-12-31' })]);
    // The holdings history under the post.
    await page.locator('[data-testid="posts-table"] tr:has([data-post="SL-01"]) .el-table__expand-icon').click();
    const history = page.locator('[data-holdings="SL-01"]');
    await history.locator('text=李明').waitFor();
    expect(await history.innerText()).toContain('2026-12-31');

    // An imported table with a bad day: nothing is written, the error names its row and column.
    const headings = 'departmentCode,code,name,duties,legalBasis,itemCodes,stepCodes,isHead,officerId,officerName,validFrom,validTo';
    const bad = `${headings}\r\nSCJG,SC-02,审查岗,审查申请材料,行政许可法第三十四条,,REVIEW,否,O-SCJG-1,,2026-13-45,\r\n`;
    await page.locator('[data-testid="posts-import-file"]').setInputFiles({ name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    const error = page.locator('[data-import-error="rows/2/validFrom"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('2');
    expect((await postsOf('SCJG')).map((p) => p.code)).toEqual(['SL-01']);

    const good = bad.replace('2026-13-45', '2026-01-05');
    await page.locator('[data-testid="posts-import-file"]').setInputFiles({ name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await page.locator('[data-post="SC-02"]').waitFor();
    expect((await postsOf('SCJG')).find((p) => p.code === 'SC-02')).toEqual(
      expect.objectContaining({ name: '审查岗', stepCodes: ['REVIEW'], holdings: [expect.objectContaining({ officerId: 'O-SCJG-1', validFrom: '2026-01-05', validTo: null })] }),
    );

    // 离任: the imported open holding ends on a day; the history keeps it.
    await page.locator('[data-testid="posts-table"] tr:has([data-post="SC-02"]) .el-table__expand-icon').click();
    await page.locator('[data-holdings="SC-02"] [data-end-holding]').click();
    await typeDate(page, 'action', 'validTo', '2026-06-30');
    await submitAction(page);
    await actionClosed(page);
    expect((await postsOf('SCJG')).find((p) => p.code === 'SC-02')?.holdings).toEqual([expect.objectContaining({ officerId: 'O-SCJG-1', validFrom: '2026-01-05', validTo: '2026-06-30' })]);

    // The table as the personnel department takes it: CSV with both posts and their holdings.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="posts-export-csv"]').click()]);
    expect(download.suggestedFilename()).toBe('posts-SCJG.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('SL-01');
    expect(csv).toMatch(/SC-02.*2026-01-05,2026-06-30/);

    // A fault on 李明's card (breach day 2025-09-26, when he held SL-01) records the post and the duty breached; the register shows them.
    const fault = await (await apiAs(t, 'centreSupervisor')).post<{ id: string; postCode: string | null; dutyBreached: string | null }>('/api/v1/register/faults', {
      alertId: cards.ack.id,
      severity: 'MINOR',
      measure: 'CRITICISM_EDUCATION',
      basis: '超过法定时限未作出决定。',
      directResponsibility: true,
    });
    expect(fault.body).toEqual(expect.objectContaining({ postCode: 'SL-01', dutyBreached: created.duties }));
    await page.goto(`${t.baseUrl}/console/accountability/register`);
    const entry = page.locator(`tr.el-table__row:has([data-entry-id="${fault.body.id}"])`);
    expect(await entry.innerText()).toContain('SL-01 受理岗');
    await entry.locator('.el-table__expand-icon').click();
    await page.locator('[data-entry-post="SL-01"]').waitFor();
    expect(await page.locator('.section-detail', { has: page.locator('[data-entry-post="SL-01"]') }).innerText()).toContain(created.duties);
  });

  it('a 限期履行 order with its review decision is replied, found not carried out, re-issued, then escalated; the proposal is confirmed on the register', async () => {
    const centreApi = await apiAs(t, 'centreSupervisor');
    const centre = await newPage();
    const department = await newPage();
    await signInWithKeyboard(centre, t.baseUrl, 'centreSupervisor', '/console/accountability/orders');
    await signInWithKeyboard(department, t.baseUrl, 'departmentSupervisor', '/console/accountability/orders');
    const orderRow = (page: Page, id: string) => page.locator(`[data-testid="orders-table"] tr.el-table__row:has([data-order-id="${id}"])`);
    const orderAction = async (page: Page, id: string, name: string, texts: Record<string, string>, choice?: string, dates: Record<string, string> = {}) => {
      await orderRow(page, id).locator(`[data-order-action="${name}"]`).click();
      await action(page).waitFor();
      if (choice) await action(page).locator('.el-radio-button', { hasText: choice }).click();
      for (const [field, day] of Object.entries(dates)) await typeDate(page, 'action', field, day);
      for (const [field, value] of Object.entries(texts)) await action(page).locator(`[name="${field}"]`).fill(value);
      await submitAction(page);
      await actionClosed(page);
    };
    const orderOf = async (id: string) => (await centreApi.get<ApiOrder>(`/api/v1/supervision-orders/${id}`)).body;

    await centre.locator('[data-action="issue-order"]').click();
    const form = centre.locator('[data-form="order"]');
    await form.locator('[data-kind="PERFORM"]').click();
    await form.locator('input[name="reviewDecisionRef"]').fill('市府复决字〔2026〕3号');
    await chooseOption(centre, 'order', 'departmentCode', 'SCJG');
    await form.locator('input[name="subject"]').fill('履行行政复议决定');
    await form.locator('textarea[name="detail"]').fill('请于期限内履行复议决定，重新作出许可决定。');
    await centre.locator('.el-dialog [data-action="submit"]').click();
    await centre.locator('[data-order-kind="PERFORM"]').waitFor();
    const issued = (await centreApi.get<{ items: ApiOrder[] }>('/api/v1/supervision-orders?kind=PERFORM')).body.items;
    expect(issued).toEqual([expect.objectContaining({ kind: 'PERFORM', state: 'ISSUED', reviewDecisionRef: '市府复决字〔2026〕3号' })]);
    const first = issued[0].id;
    expect(await orderRow(centre, first).innerText()).toContain('限期履行');

    // The department replies; the centre finds it not carried out and re-issues it with a new deadline.
    await department.reload();
    await orderAction(department, first, 'reply', { reply: '已研究，正在办理。' });
    expect((await orderOf(first)).state).toBe('REPLIED');
    await centre.reload();
    await orderAction(centre, first, 'verify', { comment: '经核实，未重新作出决定。' }, '未落实');
    expect((await orderOf(first)).state).toBe('NOT_CARRIED_OUT');
    await orderRow(centre, first).locator('[data-order-state="NOT_CARRIED_OUT"]').waitFor();
    const newDue = dayFromNow(30);
    await orderAction(centre, first, 'reissue', { comment: '重新下达，限期履行。' }, undefined, { dueOn: newDue });
    const reissued = await orderOf(first);
    expect(reissued.state).toBe('REISSUED');
    expect(typeof reissued.reissuedOrderId).toBe('string');
    const second = reissued.reissuedOrderId!;
    expect(await orderOf(second)).toEqual(expect.objectContaining({ kind: 'PERFORM', state: 'ISSUED', reviewDecisionRef: '市府复决字〔2026〕3号', previousOrderId: first, dueOn: newDue }));
    await orderRow(centre, second).locator('[data-order-state="ISSUED"]').waitFor();

    // Replied again, not carried out again: escalated, the head's accountability is proposed.
    await department.reload();
    await orderAction(department, second, 'reply', { reply: '仍在研究。' });
    await centre.reload();
    await orderAction(centre, second, 'verify', { comment: '仍未履行。' }, '未落实');
    await orderAction(centre, second, 'escalate', { comment: '拒不履行复议决定，提请问责。' });
    const escalated = await orderOf(second);
    expect(escalated.state).toBe('ESCALATED');
    expect(typeof escalated.headProposalId).toBe('string');
    await orderRow(centre, second).locator('[data-order-state="ESCALATED"]').waitFor();
    const proposalId = escalated.headProposalId!;
    const proposal = (await centreApi.get<ApiEntry>(`/api/v1/register/entries/${proposalId}`)).body;
    expect(proposal).toEqual(expect.objectContaining({ kind: 'HEAD_ACCOUNTABILITY', state: 'PROPOSED', supervisionOrderId: second, officerId: null }));

    // The centre supervisor confirms it on the register, naming the head (none is recorded for SCJG).
    await centre.goto(`${t.baseUrl}/console/accountability/register?state=PROPOSED`);
    const entryRow = centre.locator(`tr.el-table__row:has([data-entry-id="${proposalId}"])`);
    await entryRow.locator('[data-entry-state="PROPOSED"]').waitFor();
    await entryRow.locator('[data-entry-action="confirm-proposal"]').click();
    await action(centre).waitFor();
    await chooseOption(centre, 'action', 'measure', '停职检查');
    await action(centre).locator('textarea[name="comment"]').fill('经研究，予以停职检查。');
    // Without the officer the API refuses at its field (the department records no head).
    await submitAction(centre);
    expect(await fieldErrorOf(centre, 'action', 'officerId')).toContain('no recorded head');
    await chooseOption(centre, 'action', 'officerId', 'O-SCJG-1');
    await submitAction(centre);
    await actionClosed(centre);
    expect((await centreApi.get<ApiEntry>(`/api/v1/register/entries/${proposalId}`)).body).toEqual(
      expect.objectContaining({ state: 'CONFIRMED', measure: 'SUSPENSION_FOR_REVIEW', officerId: 'O-SCJG-1' }),
    );
  });

  it('records a 通报批评 on a department from the register page', async () => {
    const centreApi = await apiAs(t, 'centreSupervisor');
    const page = await newPage();
    await signInWithKeyboard(page, t.baseUrl, 'centreSupervisor', '/console/accountability/register');
    await page.locator('[data-action="record-department-entry"]').click();
    const form = page.locator('[data-form="department-entry"]');
    await form.waitFor();
    await chooseOption(page, 'department-entry', 'departmentCode', 'ZJJ');
    await form.locator('.el-radio-button', { hasText: '通报批评' }).click();
    // No basis: refused at the basis, nothing recorded.
    await page.locator('.el-dialog:visible [data-action="submit"]').click();
    expect(await fieldErrorOf(page, 'department-entry', 'basis')).toMatch(/\S/);
    const none = await centreApi.get<{ total: number }>('/api/v1/register/entries?subjectKind=DEPARTMENT&departmentCode=ZJJ');
    expect(none.body.total).toBe(0);

    await form.locator('textarea[name="basis"]').fill('本季度多次超期办理，予以通报批评。');
    await page.locator('.el-dialog:visible [data-action="submit"]').click();
    await page.locator('.el-message--success').waitFor();
    const entries = (await centreApi.get<{ items: ApiEntry[] }>('/api/v1/register/entries?subjectKind=DEPARTMENT&departmentCode=ZJJ')).body.items;
    expect(entries).toEqual([expect.objectContaining({ kind: 'DEPARTMENT_SANCTION', measure: 'CIRCULATED_CRITICISM', subjectKind: 'DEPARTMENT', officerId: null, state: 'CONFIRMED' })]);
    const row = page.locator(`tr.el-table__row:has([data-entry-id="${entries[0].id}"])`);
    await row.waitFor();
    expect(await row.innerText()).toContain('通报批评');
  });
});
