import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { apiAs, menuEntries, setUpConsoleWorld, signInWithKeyboard } from './support/console-browser-world';
import { apiFieldErrors, chooseOption, fieldErrorOf, formItem } from './support/console-section-helpers';
import { startTestApp, TestApp } from './support/test-app';
import { ARTIFACTS_DIR, ensureWallBuilt } from './support/wall-build';

interface Delivery { id: string; bodyCode: string; kind: string; acknowledgedAt: string | null; reply: string | null }
interface Clue { id: string; state: string; channel: string; assignee: string | null; dueOn: string | null; outcome: string | null; sourceBodyCode: string | null; bodyReportId: string | null; sourceReferenceNo: string; registerEntryId: string | null; deliveries: Delivery[] }

/** Today in the system's time zone (Asia/Shanghai): source documents may not be dated in the future. */
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const REFERENCE_NO = '审报〔2026〕7号';

/**
 * 线索与移送 in a real browser: a centre supervisor registers an audit body's report, opens a clue
 * from it, assigns and concludes it (substantiated: a register entry), the conclusion is fed back to
 * the audit body and copied to personnel; the audit body's liaison sees and acknowledges its own.
 */
describe('console clues, body reports, bodies and deliveries in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let centreContext: BrowserContext;
  let centre: Page;
  let clueId = '';

  beforeAll(async () => {
    ensureWallBuilt();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    t = await startTestApp({ SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', LOGIN_RATE_LIMIT_MAX: '200' });
    await setUpConsoleWorld(t);
    browser = await launchChromium();
    centreContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    centre = await centreContext.newPage();
    await signInWithKeyboard(centre, t.baseUrl, 'centreSupervisor');
  });

  afterAll(async () => {
    await centreContext?.close();
    await browser?.close();
    await t?.close();
  });

  const input = (page: Page, form: string, name: string) => page.locator(`[data-form="${form}"] [name="${name}"]`).first();
  const pickDate = async (page: Page, form: string, name: string, day: string) => {
    await input(page, form, name).fill(day);
    await input(page, form, name).press('Enter');
  };
  /** Closes an open select dropdown by clicking the dialog's title. */
  const closeDropdown = (page: Page, dialog: string) => page.locator(`[data-dialog="${dialog}"] .el-dialog__title`).click();
  /** Screenshots at both screen sizes; at 1366×768 the page must not scroll sideways. */
  const shoot = async (page: Page, name: string) => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `console-${name}-${width}x${height}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  };
  const submitDialog = async (page: Page, dialog: string) => {
    await page.locator(`[data-dialog="${dialog}"] [data-action="submit"]`).click();
    await page.locator(`[data-dialog="${dialog}"]`).waitFor({ state: 'hidden' });
  };

  it('shows the API’s complaint at the field: a clue typed without its source document’s 文号', async () => {
    await centre.goto(`${t.baseUrl}/console/clues/list`);
    await centre.locator('[data-testid="clues-page"]').waitFor();
    await centre.locator('[data-action="register-clue"]').click();
    await chooseOption(centre, 'clue', 'channel', '群众举报');
    await input(centre, 'clue', 'subject').fill('窗口索要好处');
    await input(centre, 'clue', 'detail').fill('群众来信反映窗口人员索要好处');
    await input(centre, 'clue', 'source.title').fill('群众来信');
    await pickDate(centre, 'clue', 'source.date', TODAY);
    await chooseOption(centre, 'clue', 'departmentCodes', 'SCJG');
    await closeDropdown(centre, 'clue');
    await centre.locator('[data-dialog="clue"] [data-action="submit"]').click();

    const shown = await fieldErrorOf(centre, 'clue', 'source.referenceNo');
    const api = await apiFieldErrors(await apiAs(t, 'centreSupervisor'), 'POST', '/api/v1/clues', {
      channel: 'PUBLIC_REPORT', subject: '窗口索要好处', detail: '群众来信反映窗口人员索要好处', source: { title: '群众来信', date: TODAY }, departmentCodes: ['SCJG'],
    });
    expect(api['source.referenceNo']).toBeTruthy();
    expect(shown).toBe(api['source.referenceNo']);
    // Only that field complains, and nothing was registered.
    expect((await formItem(centre, 'clue', 'subject').locator('.el-form-item__error').count())).toBe(0);
    expect((await t.admin.get<{ total: number }>('/api/v1/clues')).body.total).toBe(0);
    await centre.locator('[data-dialog="clue"] .el-dialog__headerbtn').click();
    await centre.locator('[data-dialog="clue"]').waitFor({ state: 'hidden' });
  });

  it('takes an audit report’s clue from registration to a substantiated conclusion: register entry, feedback and personnel copy', async () => {
    // 登记机关报告
    await centre.goto(`${t.baseUrl}/console/clues/reports`);
    await centre.locator('[data-testid="body-reports-page"]').waitFor();
    await centre.locator('[data-action="register-report"]').click();
    await chooseOption(centre, 'body-report', 'bodyCode', '市审计局');
    await chooseOption(centre, 'body-report', 'kind', '审计结果报告');
    await input(centre, 'body-report', 'referenceNo').fill(REFERENCE_NO);
    await pickDate(centre, 'body-report', 'issuedOn', TODAY);
    await input(centre, 'body-report', 'title').fill('市场监管局2025年度绩效审计结果');
    await input(centre, 'body-report', 'summary').fill('发现登记窗口违规收取材料费');
    await chooseOption(centre, 'body-report', 'departmentCodes', 'SCJG');
    await closeDropdown(centre, 'body-report');
    await submitDialog(centre, 'body-report');
    const reports = await t.admin.get<{ total: number; items: { id: string; bodyCode: string; kind: string; referenceNo: string; departmentCodes: string[] }[] }>('/api/v1/body-reports');
    expect(reports.body.total).toBe(1);
    const report = reports.body.items[0];
    expect(report).toMatchObject({ bodyCode: 'SJJ', kind: 'AUDIT_RESULT_REPORT', referenceNo: REFERENCE_NO, departmentCodes: ['SCJG'] });

    // 立为线索: the report gives the source, the body to feed back to and the channel.
    const row = centre.locator('.el-table__row', { hasText: REFERENCE_NO }).first();
    await shoot(centre, 'body-reports');
    await row.locator('[data-action="open-clue"]').click();
    await centre.locator('[data-testid="clue-from-report"]').waitFor();
    expect(await input(centre, 'clue', 'subject').inputValue()).toBe('市场监管局2025年度绩效审计结果');
    await input(centre, 'clue', 'detail').fill('审计发现登记窗口违规收取材料费');
    await chooseOption(centre, 'clue', 'officerIds', '李明');
    await closeDropdown(centre, 'clue');
    await centre.locator('[data-dialog="clue"] [data-action="submit"]').click();
    await centre.waitForURL((url) => /\/console\/clues\/list\/[0-9a-f-]{36}$/.test(url.pathname));
    clueId = new URL(centre.url()).pathname.split('/').pop()!;
    await centre.locator('[data-testid="clue-state"][data-state="REGISTERED"]').waitFor();
    const registered = (await t.admin.get<Clue>(`/api/v1/clues/${clueId}`)).body;
    expect(registered).toMatchObject({ state: 'REGISTERED', channel: 'PERFORMANCE_AUDIT', bodyReportId: report.id, sourceBodyCode: 'SJJ', sourceReferenceNo: REFERENCE_NO });
    expect(await centre.locator('[data-field="channel"]').innerText()).toBe('绩效审计');
    expect(await centre.locator('[data-field="source"]').innerText()).toContain(REFERENCE_NO);
    expect(await centre.locator('[data-field="officers"]').innerText()).toBe('李明 (O-SCJG-2)');

    // 交办调查
    await centre.locator('[data-action="assign"]').click();
    await input(centre, 'action', 'assignee').fill('centre-sup');
    await submitDialog(centre, 'action');
    await centre.locator('[data-testid="clue-state"][data-state="INVESTIGATING"]').waitFor();
    const assigned = (await t.admin.get<Clue>(`/api/v1/clues/${clueId}`)).body;
    expect(assigned).toMatchObject({ state: 'INVESTIGATING', assignee: 'centre-sup' });
    expect(await centre.locator('[data-field="dueOn"]').innerText()).toBe(assigned.dueOn);

    // 办结：查实, recorded in the register as a minor fault of 李明 (通报批评).
    await centre.locator('[data-action="conclude"]').click();
    await input(centre, 'conclude', 'conclusion').fill('经查属实，责令退还违规收取的材料费');
    await chooseOption(centre, 'conclude', 'sanction.officerId', '李明');
    await chooseOption(centre, 'conclude', 'sanction.measure', '通报批评');
    await submitDialog(centre, 'conclude');
    await centre.locator('[data-testid="clue-state"][data-state="CONCLUDED"]').waitFor();
    expect(await centre.locator('[data-testid="clue-outcome"]').innerText()).toBe('查实');
    const concluded = (await t.admin.get<Clue>(`/api/v1/clues/${clueId}`)).body;
    expect(concluded).toMatchObject({ state: 'CONCLUDED', outcome: 'SUBSTANTIATED' });
    expect(concluded.registerEntryId).toBeTruthy();
    const entry = await t.admin.get<{ officerId: string; kind: string; severity: string; measure: string; state: string; basis: string }>(`/api/v1/register/entries/${concluded.registerEntryId}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({ officerId: 'O-SCJG-2', kind: 'FAULT', severity: 'MINOR', measure: 'CIRCULATED_CRITICISM', state: 'CONFIRMED' });
    expect(concluded.deliveries.map((d) => `${d.bodyCode}:${d.kind}`).sort()).toEqual(['RSJ:COPY', 'SJJ:FEEDBACK']);
    await centre.locator('[data-testid="clue-deliveries"] [data-delivery="SJJ:FEEDBACK"]').waitFor();
    await centre.locator('[data-testid="clue-deliveries"] [data-delivery="RSJ:COPY"]').waitFor();
    await shoot(centre, 'clue');

    // 送达记录: the feedback and the personnel copy, and their CSV export.
    await centre.goto(`${t.baseUrl}/console/clues/deliveries`);
    await centre.locator('[data-testid="deliveries-page"] [data-delivery="SJJ:FEEDBACK"]').waitFor();
    await centre.locator('[data-testid="deliveries-page"] [data-delivery="RSJ:COPY"]').waitFor();
    expect(await centre.locator('[data-testid="deliveries-page"] .el-table__body-wrapper [data-delivery]').count()).toBe(2);
    await shoot(centre, 'clue-deliveries');
    const [download] = await Promise.all([centre.waitForEvent('download'), centre.locator('[data-action="export-csv"]').click()]);
    const file = path.join(ARTIFACTS_DIR, `console-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('送达机关');
    expect(csv).toContain('反馈');
    expect(csv).toContain('抄送');
  });

  it('a body liaison sees only its body’s delivery and acknowledges it with a reply', async () => {
    expect(clueId).not.toBe('');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, t.baseUrl, 'bodyLiaison');
      await page.waitForURL((url) => url.pathname === '/console/clues/deliveries');
      expect(await menuEntries(page)).toEqual(['/clues']);
      await page.locator('[data-testid="deliveries-page"] [data-delivery="SJJ:FEEDBACK"]').waitFor();
      expect(await page.locator('[data-testid="deliveries-page"] .el-table__body-wrapper [data-delivery]').count()).toBe(1);
      expect(await page.locator('[data-delivery="RSJ:COPY"]').count()).toBe(0);

      await page.locator('[data-testid="deliveries-page"] .el-table__body-wrapper [data-action="acknowledge"]').click();
      await input(page, 'action', 'reply').fill('已收悉，纳入审计整改跟踪');
      await submitDialog(page, 'action');
      await page.locator('[data-testid="deliveries-page"] [data-acknowledged="yes"]').waitFor();
      expect(await page.locator('[data-testid="deliveries-page"] .el-table__body-wrapper [data-action="acknowledge"]').count()).toBe(0);

      const liaison = await apiAs(t, 'bodyLiaison');
      const own = await liaison.get<{ total: number; items: Delivery[] }>('/api/v1/clue-deliveries');
      expect(own.body.total).toBe(1);
      expect(own.body.items[0]).toMatchObject({ bodyCode: 'SJJ', kind: 'FEEDBACK', reply: '已收悉，纳入审计整改跟踪' });
      expect(own.body.items[0].acknowledgedAt).not.toBeNull();
      const copy = (await t.admin.get<{ items: Delivery[] }>('/api/v1/clue-deliveries?bodyCode=RSJ')).body.items[0];
      expect(copy.acknowledgedAt).toBeNull();
      // In English, the opinion's names in their English equivalents.
      await page.locator('[data-testid="language-switch"]').click();
      await page.locator('.el-select-dropdown__item:has-text("English")').click();
      await page.locator('[data-testid="deliveries-page"] h2', { hasText: 'Deliveries' }).waitFor();
      expect(await page.locator('[data-testid="deliveries-page"] .el-table__body-wrapper .el-table__row').first().innerText()).toContain('Feedback');
      // A clue's page is not theirs.
      await page.goto(`${t.baseUrl}/console/clues/list/${clueId}`);
      await page.locator('[data-testid="not-found"]').waitFor();
      expect(await page.locator('[data-testid="clue-page"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('refers a clue to the legal body: the body is chosen in the dialog and the referral is delivered to it', async () => {
    const api = await apiAs(t, 'centreSupervisor');
    const made = await api.post<Clue>('/api/v1/clues', {
      channel: 'NEWS_MEDIA', subject: '媒体报道执法不公', detail: '报道称执法检查选择性处罚', departmentCodes: ['SCJG'], source: { referenceNo: '媒-2026-3', title: '晚报报道', date: TODAY },
    });
    expect(made.status).toBe(201);
    expect((await api.post(`/api/v1/clues/${made.body.id}/assign`, { assignee: 'centre-sup' })).status).toBe(200);
    await centre.goto(`${t.baseUrl}/console/clues/list`);
    await centre.locator(`[data-clue="${made.body.id}"]`).click();
    await centre.locator('[data-testid="clue-state"][data-state="INVESTIGATING"]').waitFor();
    expect(await centre.locator('[data-field="channel"]').innerText()).toBe('新闻媒体');
    await centre.locator('[data-action="conclude"]').click();
    await centre.locator('[data-form="conclude"] [data-outcome="REFERRED"]').click();
    await input(centre, 'conclude', 'conclusion').fill('涉及行政执法违法，移送法制部门');
    await chooseOption(centre, 'conclude', 'referredToBodyCode', '市法制办');
    await submitDialog(centre, 'conclude');
    await centre.locator('[data-testid="clue-outcome"]', { hasText: '移送' }).waitFor();
    await centre.locator('[data-testid="clue-deliveries"] [data-delivery="FZB:REFERRAL"]').waitFor();
    const referred = (await t.admin.get<Clue & { referredToBodyCode: string | null }>(`/api/v1/clues/${made.body.id}`)).body;
    expect(referred).toMatchObject({ state: 'CONCLUDED', outcome: 'REFERRED', referredToBodyCode: 'FZB', registerEntryId: null });
    expect(referred.deliveries.map((d) => `${d.bodyCode}:${d.kind}`).sort()).toEqual(['FZB:REFERRAL', 'RSJ:COPY']);
  });

  it('the centre admin records a body and changes its name by code; a blank name is refused at its field', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, t.baseUrl, 'centreAdmin', '/console/clues/bodies');
      await page.locator('[data-testid="bodies-page"] [data-body="SJJ"]').waitFor();
      await page.locator('[data-action="create-body"]').click();
      await input(page, 'body', 'code').fill('XFJ');
      await input(page, 'body', 'name').fill('   ');
      await chooseOption(page, 'body', 'kind', '信访部门');
      await page.locator('[data-dialog="body"] [data-action="submit"]').click();
      const shown = await fieldErrorOf(page, 'body', 'name');
      const api = await apiFieldErrors(t.admin, 'PUT', '/api/v1/accountability-bodies/XFJ', { name: '   ', kind: 'PETITION' });
      expect(shown).toBe(api.name);
      await input(page, 'body', 'name').fill('市信访局');
      await submitDialog(page, 'body');
      await page.locator('[data-body="XFJ"]', { hasText: '市信访局' }).waitFor();

      await page.locator('[data-action="edit-body-XFJ"]').click();
      expect(await input(page, 'body', 'code').isDisabled()).toBe(true);
      await input(page, 'body', 'name').fill('市信访办');
      await submitDialog(page, 'body');
      await page.locator('[data-body="XFJ"]', { hasText: '市信访办' }).waitFor();
      const bodies = (await t.admin.get<{ code: string; name: string; kind: string }[]>('/api/v1/accountability-bodies')).body;
      expect(bodies.find((b) => b.code === 'XFJ')).toMatchObject({ name: '市信访办', kind: 'PETITION' });
    } finally {
      await context.close();
    }
  });
});

declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };
