import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { fieldErrorOf } from './support/console-section-helpers';
import { apiAs, ListedCard, setUpConsoleWorld, signInWithKeyboard } from './support/console-browser-world';
import { startTestApp, TestApp } from './support/test-app';
import { ARTIFACTS_DIR, ensureWallBuilt } from './support/wall-build';

/** The days the console world's cases were accepted on (2025-09-26, 2025-10-09) lie in this range. */
const FROM = '2025-09-01';
const TO = '2025-10-31';

describe('console reports and accountability in a real browser (Chromium, built console, server mode)', () => {
  let t: TestApp;
  let browser: Browser;
  let cards: Record<'ack' | 'appeal' | 'other', ListedCard>;
  let centreContext: BrowserContext;
  let departmentContext: BrowserContext;
  let centre: Page;
  let department: Page;

  beforeAll(async () => {
    ensureWallBuilt();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    t = await startTestApp();
    cards = await setUpConsoleWorld(t);
    browser = await launchChromium();
    centreContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    departmentContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    centre = await centreContext.newPage();
    department = await departmentContext.newPage();
    await signInWithKeyboard(centre, t.baseUrl, 'centreSupervisor');
    await signInWithKeyboard(department, t.baseUrl, 'departmentSupervisor');
  });

  afterAll(async () => {
    await centreContext?.close();
    await departmentContext?.close();
    await browser?.close();
    await t?.close();
  });

  const shoot = async (page: Page, name: string) => {
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300); // charts follow their container's new size
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `console-${name}-${width}x${height}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  };
  const row = (page: Page, text: string) => page.locator('.el-table__row', { hasText: text }).first();
  const act = async (page: Page, rowText: string, button: string, fields: Record<string, string> = {}, choose?: string) => {
    await row(page, rowText).getByRole('button', { name: button, exact: true }).click();
    if (choose) await page.locator('[data-form="action"] .el-radio-button', { hasText: choose }).click();
    for (const [name, value] of Object.entries(fields)) await page.locator(`[data-form="action"] [name="${name}"]`).fill(value);
    await page.locator('[data-dialog="action"] [data-action="submit"]').click();
    await page.locator('[data-dialog="action"]').waitFor({ state: 'hidden' });
  };

  it('shows the city report for a date range and downloads it as a real XLSX with the same figures', async () => {
    await centre.goto(`${t.baseUrl}/console/reports/compliance?subject=city&from=${FROM}&to=${TO}`);
    await centre.locator('[data-report-title]').waitFor();
    const api = await (await apiAs(t, 'centreSupervisor')).get<{ metrics: { accepted: number; inProgressAtEnd: number }; subject: { name: string } }>(
      `/api/v1/reports/city?from=${FROM}&to=${TO}`,
    );
    expect(api.body.metrics.accepted).toBe(3);
    expect(await centre.locator('[data-kpi="accepted"] .section-kpi__value').innerText()).toBe('3');
    expect(await centre.locator('[data-report-departments] .el-table__row').count()).toBeGreaterThan(1);
    expect(await centre.locator('.section-chart canvas').count()).toBe(2);
    await shoot(centre, 'report-city');

    const [download] = await Promise.all([centre.waitForEvent('download'), centre.locator('[data-download="xlsx"]').click()]);
    expect(download.suggestedFilename()).toBe(`compliance-city-${FROM}-${TO}.xlsx`);
    const file = path.join(ARTIFACTS_DIR, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const metrics = book.getWorksheet('指标')!;
    const byKey = new Map<string, unknown>();
    metrics.eachRow((r) => byKey.set(r.getCell(3).text, r.getCell(2).value));
    expect(byKey.get('accepted')).toBe(api.body.metrics.accepted);
    expect(byKey.get('inProgressAtEnd')).toBe(api.body.metrics.inProgressAtEnd);
    expect(metrics.getRow(2).getCell(1).text).toBe(`${api.body.subject.name} ${FROM} — ${TO}`);
    expect(book.getWorksheet('部门')!.rowCount).toBeGreaterThan(2);
  });

  it('generates the quarter’s pack and ranks the departments with grades', async () => {
    await centre.goto(`${t.baseUrl}/console/reports/quarterly`);
    await centre.locator('[data-ranking]').waitFor();
    await centre.locator('[data-action="generate-pack"]').click();
    await centre.locator('.el-message--success').waitFor();
    // The page reloads the stored packs after the success message: wait for that, then read it.
    await centre.locator('[data-pack-status]', { hasText: '已存档' }).waitFor({ timeout: 10_000 }).catch(() => undefined);
    const status = await centre.locator('[data-pack-status]').innerText();
    expect(status).toContain('已存档');
    // Beside any pack the quarter-end job stored by itself, the one generated here, by this user.
    const packs = await (await apiAs(t, 'centreSupervisor')).get<{ quarter: string; status: string; requestedBy: string; trigger: string }[]>('/api/v1/reports/quarterly');
    expect(packs.body.filter((p) => p.requestedBy === 'centre-sup')).toEqual([expect.objectContaining({ status: 'READY', trigger: 'on-demand' })]);
    expect(await centre.locator('[data-ranking] .el-table__row').count()).toBeGreaterThanOrEqual(2);
    await shoot(centre, 'quarterly');
  });

  it('records a fault from a card; the department appeals and the centre upholds the appeal', async () => {
    await centre.goto(`${t.baseUrl}/console/accountability/register?alertId=${cards.ack.id}`);
    const form = centre.locator('[data-form="record"]');
    await form.waitFor();
    expect(await form.locator('[name="alertId"]').inputValue()).toBe(cards.ack.id);
    // Without a basis the API refuses, and says so at the field.
    await centre.locator('.el-dialog [data-action="submit"]').click();
    await form.locator('.el-form-item__error').first().waitFor();
    expect(await fieldErrorOf(centre, 'record', 'basis')).toBe('is required');
    await form.locator('[name="basis"]').fill('法定期限届满未作出决定，经核实系承办人拖延。');
    await centre.locator('.el-dialog [data-action="submit"]').click();
    await row(centre, 'O-SCJG-2').waitFor();
    expect(await row(centre, 'O-SCJG-2').innerText()).toContain('已认定');
    await shoot(centre, 'register');

    await department.goto(`${t.baseUrl}/console/accountability/register`);
    await act(department, 'O-SCJG-2', '申诉', { reason: '案件因申请人补正材料暂停，期限计算有误。' });
    expect(await row(department, 'O-SCJG-2').innerText()).toContain('申诉中');

    await centre.reload();
    await act(centre, 'O-SCJG-2', '申诉处理', { comment: '经复核，暂停有书面通知，申诉成立。' }, '申诉成立');
    const entry = (await (await apiAs(t, 'centreSupervisor')).get<{ items: { state: string; appealDecision: string }[] }>('/api/v1/register/entries')).body.items[0];
    expect(entry).toMatchObject({ state: 'REVOKED', appealDecision: 'UPHELD' });
    expect(await row(centre, 'O-SCJG-2').innerText()).toContain('已撤销');

    // The officer's year: a revoked fault counts for nothing, so the award eligibility is kept.
    await row(centre, 'O-SCJG-2').locator('a').click();
    await centre.locator('[data-consequences]').waitFor();
    const year = await centre.locator('[data-consequences]').innerText();
    expect(year).toContain('保留');
    expect(await centre.locator('[data-assessment]').innerText()).toBe('不受影响');
  });

  it('runs a supervision order (issue, reply, close) and a complaint (register, accept, answer, conclude)', async () => {
    await centre.goto(`${t.baseUrl}/console/accountability/orders`);
    await centre.locator('[data-action="issue-order"]').click();
    const order = centre.locator('[data-form="order"]');
    await order.locator('.el-select').first().click();
    await centre.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'SCJG' }).click();
    await order.locator('[name="subject"]').fill('督办超期办件 CONSOLE-APPEAL');
    await order.locator('[name="detail"]').fill('请于期限内作出决定并报告原因。');
    await centre.locator('.el-dialog [data-action="submit"]').click();
    await row(centre, 'CONSOLE-APPEAL').waitFor();

    await department.goto(`${t.baseUrl}/console/accountability/orders`);
    await act(department, 'CONSOLE-APPEAL', '回复', { reply: '已作出决定，原因系专家评审延误。' });
    expect(await row(department, 'CONSOLE-APPEAL').innerText()).toContain('已回复');
    await centre.reload();
    await act(centre, 'CONSOLE-APPEAL', '办结', { comment: '回复属实，予以办结。' });
    expect(await row(centre, 'CONSOLE-APPEAL').innerText()).toContain('已办结');

    await centre.goto(`${t.baseUrl}/console/accountability/complaints`);
    await centre.locator('[data-action="register-complaint"]').click();
    const complaint = centre.locator('[data-form="complaint"]');
    await complaint.locator('.el-select').first().click();
    await centre.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'SCJG' }).click();
    await complaint.locator('[name="subject"]').fill('窗口办理超时投诉');
    await complaint.locator('[name="content"]').fill('申请人反映食品经营许可超过承诺时限仍未办结。');
    await centre.locator('.el-dialog [data-action="submit"]').click();
    await row(centre, '窗口办理超时投诉').waitFor();

    await department.goto(`${t.baseUrl}/console/accountability/complaints`);
    await row(department, '窗口办理超时投诉').getByRole('button', { name: '受理', exact: true }).click();
    await row(department, '窗口办理超时投诉').locator('text=已受理').waitFor();
    await act(department, '窗口办理超时投诉', '答复', { answer: '已督促承办人办结，并向申请人致歉。' });
    await centre.reload();
    await act(centre, '窗口办理超时投诉', '办结', { conclusion: '投诉属实，已整改。' });
    expect(await row(centre, '窗口办理超时投诉').innerText()).toContain('已办结');
    await shoot(centre, 'complaints');
  });
});
