import { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { apiAs, ListedCard, setUpConsoleWorld, signInWithKeyboard } from './support/console-browser-world';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWallBuilt } from './support/wall-build';

/**
 * Two pieces of a supervisor's daily work in a real Chromium against the real server: 批量摘牌 (closing
 * rectified cards together with one reason, all or none) and 跟踪 (watch-lists of cases).
 */
describe('console: batch close and watch-lists in a real browser', () => {
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
  const cardRow = (page: Page, card: ListedCard) => page.locator(`[data-testid="card-table"] tr:has([data-open-card="${card.id}"])`);
  const stateOf = async (card: ListedCard): Promise<string> => (await t.admin.get<{ state: string }>(`/api/v1/alerts/${card.id}`)).body.state;

  it('closes the ticked rectified cards with one reason; a refusal names the card and closes none', async () => {
    const scjg = await apiAs(t, 'departmentSupervisor');
    const zjj = await apiAs(t, 'otherDepartmentSupervisor');
    expect((await scjg.post(`/api/v1/alerts/${cards.ack.id}/rectify`, { comment: '已补办决定并说明' })).status).toBe(200);
    expect((await zjj.post(`/api/v1/alerts/${cards.other.id}/rectify`, { comment: '已整改' })).status).toBe(200);

    const page = await newPage();
    await signInWithKeyboard(page, t.baseUrl, 'centreSupervisor', '/console/cards');
    await cardRow(page, cards.ack).waitFor();
    // Only rectified cards can be ticked: the OPEN card's box is disabled.
    expect(await cardRow(page, cards.appeal).locator('.el-checkbox').getAttribute('class')).toContain('is-disabled');
    await cardRow(page, cards.ack).locator('.el-checkbox').click();
    await cardRow(page, cards.other).locator('.el-checkbox').click();
    await page.locator('[data-testid="batch-close-open"]').click();
    await page.locator('[data-testid="batch-close-form"] textarea[name="reason"]').waitFor();

    // The reason is asked for at its field.
    await page.locator('[data-testid="batch-close-submit"]').click();
    const reasonError = page.locator('[data-testid="batch-close-form"] .el-form-item__error');
    await reasonError.waitFor();
    expect(await reasonError.innerText()).toMatch(/\S/);

    // Meanwhile someone closes one of them: the batch is refused, naming that card, and nothing closes.
    expect((await (await apiAs(t, 'centreSupervisor')).post(`/api/v1/alerts/${cards.other.id}/close`, { comment: '单独核销' })).status).toBe(200);
    await page.locator('[data-testid="batch-close-form"] textarea[name="reason"]').fill('专项整治已完成');
    await page.locator('[data-testid="batch-close-submit"]').click();
    await page.locator(`[data-refused-card="${cards.other.id}"]`).waitFor();
    expect(await page.locator('[data-testid="batch-close-refused"]').innerText()).toContain('ZJJ · CONSOLE-ZJJ');
    expect(await stateOf(cards.ack)).toBe('RECTIFIED');

    // Untick the refused one and close the rest.
    await page.keyboard.press('Escape');
    await cardRow(page, cards.other).locator('.el-checkbox').waitFor();
    await page.reload();
    await cardRow(page, cards.ack).locator('.el-checkbox').click();
    await page.locator('[data-testid="batch-close-open"]').click();
    await page.locator('[data-testid="batch-close-form"] textarea[name="reason"]').fill('专项整治已完成');
    await page.locator('[data-testid="batch-close-submit"]').click();
    await page.locator('.el-message--success').waitFor();
    expect(await stateOf(cards.ack)).toBe('CLOSED');
    const detail = await t.admin.get<{ history: { action: string; comment: string | null }[] }>(`/api/v1/alerts/${cards.ack.id}`);
    expect(detail.body.history.at(-1)).toEqual(expect.objectContaining({ action: 'CLOSE', comment: '专项整治已完成' }));
    await cardRow(page, cards.ack).locator('[data-state="CLOSED"]').waitFor();
  });

  it('keeps a watch-list: named at its field, a case added by number and one from its case page, shown with its open cards', async () => {
    const page = await newPage();
    await signInWithKeyboard(page, t.baseUrl, 'regionSupervisor', '/console/watchlists');
    await page.locator('[data-testid="watchlists-page"]').waitFor();

    await page.locator('[data-testid="watchlist-create-open"]').click();
    await page.locator('[data-testid="watchlist-create-form"] input[name="name"]').fill('   ');
    await page.locator('[data-testid="watchlist-create-submit"]').click();
    const nameError = page.locator('[data-testid="watchlist-create-form"] .el-form-item__error');
    await nameError.waitFor();
    expect(await nameError.innerText()).toMatch(/\S/);
    expect((await (await apiAs(t, 'regionSupervisor')).get<unknown[]>('/api/v1/watchlists')).body).toEqual([]);

    await page.locator('[data-testid="watchlist-create-form"] input[name="name"]').fill('逾期重点件');
    await page.locator('[data-testid="watchlist-create-submit"]').click();
    await page.locator('[data-testid="watchlist-name"]', { hasText: '逾期重点件' }).waitFor();

    const form = page.locator('[data-testid="watchlist-add-form"]');
    await form.locator('.el-select').click();
    await page.locator('.el-select-dropdown__item', { hasText: 'SCJG' }).click();
    await form.locator('input[name="caseId"]').fill('CONSOLE-APPEAL');
    await form.locator('input[name="note"]').fill('申诉待裁决');
    await page.locator('[data-testid="watchlist-add"]').click();
    const row = page.locator('[data-testid="watchlist-cases"] tr', { hasText: 'CONSOLE-APPEAL' });
    await row.waitFor();
    expect(await row.innerText()).toContain('申诉待裁决');
    const open = await t.admin.get<{ total: number }>('/api/v1/alerts?caseId=CONSOLE-APPEAL&state=OPEN,ACKNOWLEDGED,RECTIFIED,APPEALED');
    expect(open.body.total).toBeGreaterThan(0);
    expect(await row.locator('[data-open-cards]').getAttribute('data-open-cards')).toBe(String(open.body.total));

    // From the case page: 加入跟踪 into the same list.
    await page.goto(`${t.baseUrl}/console/cases/SCJG/CONSOLE-ACK`);
    await page.locator('[data-testid="case-page"]').waitFor();
    await page.locator('[data-testid="watch-case"] button').click();
    await page.locator('[data-watch-into="逾期重点件"]').click();
    await page.locator('.el-message--success').waitFor();

    await page.goto(`${t.baseUrl}/console/watchlists`);
    await page.locator('[data-watchlist="逾期重点件"]').click();
    await page.locator('[data-testid="watchlist-cases"] tr', { hasText: 'CONSOLE-ACK' }).waitFor();
    const lists = await (await apiAs(t, 'regionSupervisor')).get<{ name: string; caseCount: number }[]>('/api/v1/watchlists');
    expect(lists.body).toEqual([expect.objectContaining({ name: '逾期重点件', caseCount: 2 })]);

    await page.locator('[data-remove-case="CONSOLE-APPEAL"]').click();
    await page.locator('[data-testid="watchlist-cases"] tr', { hasText: 'CONSOLE-APPEAL' }).waitFor({ state: 'detached' });
  });
});
