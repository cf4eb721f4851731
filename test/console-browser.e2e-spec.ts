import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, Page, WebSocket } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { apiAs, CONSOLE_USERS, ListedCard, setUpConsoleWorld, signInWithKeyboard } from './support/console-browser-world';
import { startTestApp, TestApp } from './support/test-app';
import { ARTIFACTS_DIR, ensureWallBuilt } from './support/wall-build';

declare const sessionStorage: { length: number; key(i: number): string | null };
// What a page keeps in this tab's storage, leaving out the router's scroll positions (no user data).
const storageKeys = () => Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)).filter((k) => !k?.startsWith('vue-router'));

/** The one DOM method the page-side functions below use (this file compiles without the DOM lib). */
interface Attributed {
  getAttribute(name: string): string | null;
}

/**
 * The supervision console in a real Chromium against the real server (PostgreSQL, Redis, socket.io):
 * whole journeys of the people who use it. Screenshots go to test-artifacts/.
 */
describe('supervision console in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let cards: Record<'ack' | 'appeal' | 'other', ListedCard>;

  beforeAll(async () => {
    ensureWallBuilt();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    t = await startTestApp({ SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', LOGIN_RATE_LIMIT_MAX: '200' }); // many sign-ins from one address; the limit is tested in identity.e2e-spec.ts
    cards = await setUpConsoleWorld(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = async (width = 1366, height = 768): Promise<Page> => (await browser.newContext({ viewport: { width, height } })).newPage();
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `console-${name}.png`), fullPage: false });
  const cardRow = (page: Page, card: ListedCard) => page.locator(`[data-testid="card-table"] tr:has([data-open-card="${card.id}"])`);

  it('an officer opens the RED card of an overdue case, sees its due date and why, and acknowledges it; the centre supervisor’s open Cards page shows it without reloading', async () => {
    const supervisor = await newPage(1920, 1080);
    const officer = await newPage(1366, 768);
    try {
      await signInWithKeyboard(supervisor, t.baseUrl, 'centreSupervisor', '/console/cards');
      await supervisor.waitForSelector('[data-testid="live-status"][data-live="true"]');
      await cardRow(supervisor, cards.ack).waitFor();
      expect(await cardRow(supervisor, cards.ack).locator('[data-state]').getAttribute('data-state')).toBe('OPEN');
      const navigations: string[] = [];
      supervisor.on('framenavigated', (frame) => navigations.push(frame.url()));

      await signInWithKeyboard(officer, t.baseUrl, 'officer');
      await officer.waitForSelector('[data-testid="work-page"]');
      await cardRow(officer, cards.ack).waitFor();
      // Most urgent first: the first row is RED.
      expect(await officer.locator('[data-testid="card-table"] tbody tr').first().innerText()).toContain('红牌');
      await shot(officer, 'work-1366x768');
      await cardRow(officer, cards.ack).locator('[data-open-card]').click();
      await officer.waitForSelector(`[data-testid="card-page"][data-card-id="${cards.ack.id}"]`);
      expect(await officer.locator('[data-testid="card-level"]').innerText()).toBe('红牌');
      expect(await officer.locator('[data-testid="card-rule"]').innerText()).toBe('超法定时限');
      // Accepted 2025-09-26: 20 working days after the National Day holidays → due 2025-10-30.
      expect(await officer.locator('[data-testid="card-due"]').innerText()).toContain('2025-10-30');
      expect((await officer.locator('[data-testid="card-summary"]').innerText()).length).toBeGreaterThan(5);
      expect(Number(await officer.locator('[data-testid="card-left"]').innerText())).toBeLessThan(0);
      await officer.locator('[data-testid="clock-due"]').first().waitFor();
      expect(await officer.locator('[data-testid="case-timeline"]').innerText()).toContain('ACCEPTED');
      expect(await officer.locator('[data-testid="card-history"]').innerText()).toContain('发牌');
      await shot(officer, 'card-1366x768');

      await officer.locator('[data-action="acknowledge"]').click();
      await officer.locator('textarea[name="comment"]').waitFor();
      await officer.keyboard.type('已签收，正在督办');
      await officer.keyboard.press('Enter');
      await officer.waitForSelector('[data-testid="card-state"]:has-text("已签收")');
      expect(await officer.locator('[data-testid="card-history"]').innerText()).toContain('已签收，正在督办');

      // The supervisor's page: the row changes in place and a toast says so, with no reload.
      await supervisor.waitForSelector(`[data-testid="card-table"] tr:has([data-open-card="${cards.ack.id}"]) [data-state="ACKNOWLEDGED"]`, { timeout: 15_000 });
      await supervisor.waitForSelector('.live-card-toast');
      expect(navigations).toEqual([]);
      await shot(supervisor, 'cards-live-1920x1080');
    } finally {
      await supervisor.context().close();
      await officer.context().close();
    }
  });

  it('a department supervisor appeals (the comment it needs is asked for at the field) and the centre supervisor decides', async () => {
    const department = await newPage(1920, 1080);
    try {
      await signInWithKeyboard(department, t.baseUrl, 'departmentSupervisor', `/console/work/cards/${cards.appeal.id}`);
      await department.waitForSelector('[data-testid="card-page"]');
      await department.locator('[data-action="appeal"]').click();
      await department.locator('textarea[name="comment"]').waitFor();
      await department.locator('[data-testid="action-submit"]').click();
      // The API refuses an appeal without a reason; its message is shown at the comment field.
      const fieldError = department.locator('[data-testid="card-action-form"] .el-form-item__error');
      await fieldError.waitFor();
      expect(await fieldError.innerText()).toContain('comment');
      await department.locator('textarea[name="comment"]').fill('申请人材料已于受理当日补齐，超时系系统数据延迟');
      await department.keyboard.press('Enter');
      await department.waitForSelector('[data-testid="card-state"]:has-text("申诉中")');
      await shot(department, 'appeal-1920x1080');
    } finally {
      await department.context().close();
    }

    const centre = await newPage(1366, 768);
    try {
      await signInWithKeyboard(centre, t.baseUrl, 'centreSupervisor', `/console/cards/${cards.appeal.id}`);
      await centre.waitForSelector('[data-testid="card-page"]');
      expect(await centre.locator('[data-action]').evaluateAll((buttons: Attributed[]) => buttons.map((e) => e.getAttribute('data-action')))).toEqual(['dismiss', 'maintain', 'revoke']);
      await centre.locator('[data-action="maintain"]').click();
      await centre.locator('textarea[name="comment"]').fill('数据延迟理由不成立');
      await centre.locator('[data-testid="action-submit"]').click();
      await centre.waitForSelector('[data-testid="card-state"]:has-text("待处理")');
      const history = await centre.locator('[data-testid="card-history"]').innerText();
      expect(history).toContain('申诉不成立');
      expect(history).toContain('数据延迟理由不成立');
      await shot(centre, 'decided-1366x768');
    } finally {
      await centre.context().close();
    }
    const api = await apiAs(t, 'centreSupervisor');
    expect((await api.get<{ state: string }>(`/api/v1/alerts/${cards.appeal.id}`)).body.state).toBe('OPEN');
  });

  it('a centre supervisor raises a card by hand (人工发牌): the reason it needs is asked for at its field, then the card is listed', async () => {
    const page = await newPage(1366, 768);
    try {
      await signInWithKeyboard(page, t.baseUrl, 'centreSupervisor', '/console/cards');
      await page.locator('[data-testid="manual-card-open"]').click();
      const form = page.locator('[data-testid="manual-card-form"]');
      await form.locator('.el-select').first().click();
      await page.locator('.el-select-dropdown__item:has-text("SCJG")').first().click();
      await form.locator('input[name="caseId"]').fill('CONSOLE-ACK');
      await page.locator('[data-testid="manual-card-submit"]').click();
      const reasonError = form.locator('.el-form-item:has(textarea[name="reason"]) .el-form-item__error');
      await reasonError.waitFor();
      expect((await reasonError.innerText()).length).toBeGreaterThan(0);
      await form.locator('textarea[name="reason"]').fill('现场检查发现收取材料费 200 元');
      await page.keyboard.press('Enter');
      await form.waitFor({ state: 'hidden' });
      await page.waitForSelector('[data-testid="card-table"] tr:has-text("人工发牌")');
      const api = await apiAs(t, 'centreSupervisor');
      const manual = await api.get<{ items: ListedCard[] }>('/api/v1/alerts?rule=MANUAL&caseId=CONSOLE-ACK');
      expect(manual.body.items).toHaveLength(1);
    } finally {
      await page.context().close();
    }
  });

  it('signing out, then in as someone else, leaves nothing of the first user: no rows, no token, no socket', async () => {
    const page = await newPage();
    try {
      const sockets: WebSocket[] = [];
      page.on('websocket', (socket) => sockets.push(socket));
      await signInWithKeyboard(page, t.baseUrl, 'departmentSupervisor', '/console/work');
      await cardRow(page, cards.ack).waitFor();
      await page.waitForSelector('[data-testid="live-status"][data-live="true"]');
      expect(sockets.filter((s) => !s.isClosed()).length).toBeGreaterThan(0);
      await page.locator('[data-testid="sign-out"]').click();
      await page.waitForSelector('[data-testid="login-form"]');
      expect(await page.evaluate(storageKeys)).toEqual([]);
      // The live socket of the first user is closed by the sign-out itself.
      for (let i = 0; i < 50 && sockets.some((s) => !s.isClosed()); i++) await page.waitForTimeout(100);
      expect(sockets.filter((s) => !s.isClosed())).toEqual([]);
      expect(await page.content()).not.toContain('CONSOLE-ACK');

      await page.locator('input[name="username"]').fill(CONSOLE_USERS.otherDepartmentSupervisor.username);
      await page.locator('input[name="password"]').fill('console-password-1');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="work-page"]');
      await cardRow(page, cards.other).waitFor();
      const html = await page.content();
      expect(html).not.toContain('CONSOLE-ACK');
      expect(html).not.toContain('CONSOLE-APPEAL');
      expect(await page.locator('[data-testid="current-user"]').innerText()).toBe(CONSOLE_USERS.otherDepartmentSupervisor.username);
    } finally {
      await page.context().close();
    }
  });

  const { username: _u, ...regionBinding } = CONSOLE_USERS.regionSupervisor;
  it('an ended session (the user disabled) sends the next request back to the login page, data gone', async () => {
    const page = await newPage();
    try {
      await signInWithKeyboard(page, t.baseUrl, 'regionSupervisor', '/console/cards');
      await cardRow(page, cards.ack).waitFor();
      expect((await t.admin.put(`/api/v1/users/${CONSOLE_USERS.regionSupervisor.username}`, { ...regionBinding, disabled: true })).status).toBe(200);
      await page.locator('[data-testid="card-search"]').click();
      await page.waitForSelector('[data-testid="login-form"]');
      expect(await page.locator('.el-alert').innerText()).toContain('登录已过期');
      expect(await page.content()).not.toContain('CONSOLE-ACK');
      expect(await page.evaluate(storageKeys)).toEqual([]);
    } finally {
      await page.context().close();
      await t.admin.put(`/api/v1/users/${CONSOLE_USERS.regionSupervisor.username}`, { ...regionBinding, disabled: false });
    }
  });

  it('serves deep links with the page and the API’s security headers; unknown assets are 404', async () => {
    const deep = await fetch(`${t.baseUrl}/console/cards/${cards.ack.id}`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    expect(deep.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(deep.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await deep.text()).toContain('<base href="/console/"');
    expect((await fetch(`${t.baseUrl}/console/assets/nothing-here.js`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
  });
});
