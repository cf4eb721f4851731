import { Browser, Page } from 'playwright-core';
import { menuPaths, visibleMenu } from '../apps/dashboard/src/console/menu';
import { SECTION_MENUS } from '../apps/dashboard/src/console/sections/menus';
import { launchChromium } from './support/chromium';
import { apiAs, ConsoleUser, ListedCard, menuEntries, setUpConsoleWorld, signInWithKeyboard } from './support/console-browser-world';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWallBuilt } from './support/wall-build';

/**
 * The role matrix: for each role the console's menu shows exactly the sections `GET /api/v1/me`
 * permits, and a route or record outside the user's permissions or scope reads as "not found".
 */
describe('supervision console: menu and routes by role', () => {
  let t: TestApp;
  let browser: Browser;
  let cards: Record<'ack' | 'appeal' | 'other', ListedCard>;

  beforeAll(async () => {
    ensureWallBuilt();
    // Every role signs in twice (API and browser) from one address: more than the login limit
    // allows in a window. The limit has its own test (identity.e2e-spec.ts); here it is raised.
    t = await startTestApp({ SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', LOGIN_RATE_LIMIT_MAX: '200' });
    cards = await setUpConsoleWorld(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const withPage = async (run: (page: Page) => Promise<void>) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      await run(await context.newPage());
    } finally {
      await context.close();
    }
  };

  // What no role may lose or gain, whatever the sections add: the journeys' anchors.
  const MUST: Record<ConsoleUser, { shows: string[]; hides: string[] }> = {
    officer: { shows: ['/work', '/cases'], hides: ['/cards', '/reports', '/admin'] },
    departmentSupervisor: { shows: ['/work', '/cases', '/reports', '/clues'], hides: ['/cards', '/admin'] },
    otherDepartmentSupervisor: { shows: ['/work', '/cases'], hides: ['/cards', '/admin'] },
    centreSupervisor: { shows: ['/cards', '/cases', '/reports', '/clues'], hides: ['/work', '/admin'] },
    regionSupervisor: { shows: ['/cards', '/cases', '/reports'], hides: ['/work', '/admin'] },
    centreAdmin: { shows: ['/admin', '/clues'], hides: ['/work', '/cards', '/cases'] },
    // A body's liaison: only the deliveries to its body (under 线索与移送), nothing of cases or departments.
    bodyLiaison: { shows: ['/clues'], hides: ['/work', '/cards', '/cases', '/reports', '/accountability', '/admin', '/clues/list', '/clues/reports', '/clues/bodies'] },
  };

  it.each(Object.keys(MUST) as ConsoleUser[])('%s: the menu is exactly what GET /me permits', async (user) => {
    const me = await (await apiAs(t, user)).get<{ permissions: string[] }>('/api/v1/me');
    const expected = visibleMenu(SECTION_MENUS, new Set(me.body.permissions)).map((e) => e.path);
    await withPage(async (page) => {
      await signInWithKeyboard(page, t.baseUrl, user);
      const shown = await menuEntries(page);
      expect(shown).toEqual(expected);
      for (const path of MUST[user].shows) expect(shown).toContain(path);
      for (const path of MUST[user].hides) expect(shown).not.toContain(path);
      // Signed in, the user lands on their first menu entry.
      const first = menuPaths(visibleMenu(SECTION_MENUS, new Set(me.body.permissions)))[0];
      await page.waitForURL((url) => url.pathname === `/console${first}` || url.pathname.startsWith(`/console${first}/`));
      // A section the menu hides is "not found" by URL too.
      for (const path of MUST[user].hides) {
        await page.goto(`${t.baseUrl}/console${path}`);
        await page.waitForSelector('[data-testid="not-found"]');
      }
    });
  });

  it('a department supervisor typing another department’s card URL sees "not found", never the card', async () => {
    await withPage(async (page) => {
      await signInWithKeyboard(page, t.baseUrl, 'departmentSupervisor', `/console/work/cards/${cards.other.id}`);
      await page.waitForSelector('[data-testid="not-found"]');
      expect(await page.locator('[data-testid="card-page"]').count()).toBe(0);
      expect(await page.content()).not.toContain('CONSOLE-ZJJ');
      // The case of that card, by URL, too.
      await page.goto(`${t.baseUrl}/console/cases/ZJJ/CONSOLE-ZJJ`);
      await page.waitForSelector('[data-testid="not-found"]');
      expect(await page.locator('[data-testid="case-page"]').count()).toBe(0);
      // Their own department's card opens.
      await page.goto(`${t.baseUrl}/console/work/cards/${cards.ack.id}`);
      await page.waitForSelector('[data-testid="card-page"]');
    });
  });

  it('is keyboard-usable: Tab reaches the menu, Enter opens an entry', async () => {
    await withPage(async (page) => {
      await signInWithKeyboard(page, t.baseUrl, 'centreSupervisor');
      await page.waitForURL((url) => url.pathname === '/console/cards');
      await page.waitForSelector('[data-testid="cards-page"]');
      await page.evaluate(() => (document.activeElement as { blur(): void } | null)?.blur());
      let focused = '';
      for (let i = 0; i < 6 && focused !== '/console/cases'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => (document.activeElement as { getAttribute(n: string): string | null } | null)?.getAttribute('href') ?? '');
      }
      expect(focused).toBe('/console/cases');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="cases-page"]');
      expect(new URL(page.url()).pathname).toBe('/console/cases');
    });
  });

  it('the console fits 1366×768 without horizontal scrolling, in zh-CN and English', async () => {
    await withPage(async (page) => {
      await signInWithKeyboard(page, t.baseUrl, 'centreSupervisor', `/console/cards/${cards.ack.id}`);
      await page.waitForSelector('[data-testid="card-page"]');
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.locator('[data-testid="language-switch"]').click();
      await page.locator('.el-select-dropdown__item:has-text("English")').click();
      await page.waitForSelector('[data-testid="card-rule"]:has-text("Statutory limit exceeded")');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await overflow()).toBeLessThanOrEqual(0);
    });
  });
});

declare const document: { documentElement: { scrollWidth: number; lang: string }; activeElement: unknown };
declare const window: { innerWidth: number };
