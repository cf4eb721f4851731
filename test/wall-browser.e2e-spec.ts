import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { Browser, Page } from 'playwright-core';
import { createApp } from '../apps/api/src/app-factory';
import { justNow, WALL_CATALOGUE, wallTraffic } from './fixtures/wall-catalogue';
import { launchChromium } from './support/chromium';
import { setUpCatalogue } from './support/catalogue-setup';
import { PG_ADMIN_URL } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';
import { ARTIFACTS_DIR, ensureWallBuilt } from './support/wall-build';
import { WallSocketProbe } from './support/wall-socket';

/**
 * The few DOM shapes the page-side functions below touch. This file compiles without the DOM lib
 * (it is Node code); these functions run in Chromium, where the real globals exist.
 */
interface PageElement {
  className: string;
  textContent: string | null;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  width: number;
  getBoundingClientRect(): { width: number; right: number; bottom: number };
}
declare const document: {
  documentElement: { scrollWidth: number; scrollHeight: number; lang: string };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: { innerWidth: number; innerHeight: number };

const TEST_APP_ENV = { JWT_SECRET: 'wall-browser-test-secret-0123456789abcdef' };

interface Overflow {
  scrollWidth: number;
  scrollHeight: number;
  innerWidth: number;
  innerHeight: number;
  overflowingPanels: string[];
  stage: { right: number; bottom: number };
}

/** Everything that would mean content does not fit: document scrolling, a panel's content spilling. */
const measureOverflow = (page: Page): Promise<Overflow> =>
  page.evaluate(() => {
    const stage = document.querySelector('.stage')!.getBoundingClientRect();
    const overflowingPanels = [...document.querySelectorAll('.panel, .kpi, .tile, .header')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
      .map((e) => e.className);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      overflowingPanels,
      stage: { right: stage.right, bottom: stage.bottom },
    };
  });

const kpi = (page: Page, key: string) => page.locator(`[data-kpi="${key}"]`).innerText();

describe('wall screen in a real browser (Chromium, built dashboard, server mode)', () => {
  let t: TestApp;
  let browser: Browser;
  let keys: Record<string, string>;
  let restarted: Awaited<ReturnType<typeof createApp>> | null = null;
  const wallUrl = (query = '') => `${t.baseUrl}/wall?token=${encodeURIComponent(t.config.adminToken)}${query}`;

  beforeAll(async () => {
    ensureWallBuilt();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    t = await startTestApp(TEST_APP_ENV, { keepDatabase: true });
    keys = await setUpCatalogue(t.admin, WALL_CATALOGUE);
    for (const [department, events] of wallTraffic(Date.now())) {
      const sent = await t.admin.withToken(keys[department]).post<{ accepted: number }>('/api/v1/events', { events });
      if (sent.body.accepted !== events.length) throw new Error(`${department}: ${JSON.stringify(sent.body)}`);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (restarted) await restarted.close();
    else await t?.app.close();
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${t.databaseUrl.split('/').pop()} WITH (FORCE)`);
    await admin.end();
  });

  /** The server's own view, through a plain socket client: what the page must end up showing. */
  async function serverAcceptedToday(): Promise<number> {
    const probe = new WallSocketProbe(t.baseUrl, t.config.adminToken);
    try {
      return (await probe.nthSnapshot(1)).kpis.acceptedToday;
    } finally {
      probe.close();
    }
  }

  it.each([
    [1920, 1080],
    [3840, 2160],
  ])('goes live and fits %ix%i without overflow, charts rendered at the screen’s resolution', async (width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    try {
      await page.goto(wallUrl());
      await page.waitForSelector('html[data-state="live"]', { timeout: 30_000 });
      // Cases projected from the traffic show up (the trend is drawn from the same data).
      const expected = String(await serverAcceptedToday());
      await page.waitForFunction((value) => document.querySelector('[data-kpi="acceptedToday"]')?.textContent === value, expected);
      expect(await page.locator('.tile').count()).toBe(Object.keys(WALL_CATALOGUE.departments).length);
      expect(await page.locator('.title').innerText()).toBe('行政审批电子监察中心');
      await page.waitForTimeout(3000); // let the charts' entry animations settle before the picture
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `wall-${width}x${height}.png`) });

      const overflow = await measureOverflow(page);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
      expect(overflow.scrollHeight).toBeLessThanOrEqual(overflow.innerHeight);
      expect(overflow.stage.right).toBeLessThanOrEqual(width + 0.5);
      expect(overflow.stage.bottom).toBeLessThanOrEqual(height + 0.5);
      expect(overflow.overflowingPanels).toEqual([]);
      // Sharp when scaled: each canvas has one backing pixel per screen pixel.
      const canvas = await page.evaluate(() => {
        const c = document.querySelector('.panel-trend canvas')!;
        return { backing: c.width, onScreen: c.getBoundingClientRect().width };
      });
      expect(Math.abs(canvas.backing - canvas.onScreen)).toBeLessThanOrEqual(2);
    } finally {
      await page.close();
    }
  });

  it('shows English labels for visitors with ?lang=en', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(wallUrl('&lang=en'));
      await page.waitForSelector('html[data-state="live"]', { timeout: 30_000 });
      expect(await page.locator('.title').innerText()).toBe('Licensing Approval Monitoring Centre');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.waitForTimeout(3000);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'wall-1920x1080-en.png') });
    } finally {
      await page.close();
    }
  });

  it('shows a case and a card sent through the public ingest API; stale while the api restarts, then live with the card once', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(wallUrl());
      await page.waitForSelector('html[data-state="live"]', { timeout: 30_000 });
      const before = Number(await kpi(page, 'acceptedToday'));
      const now = Date.now();
      const caseId = 'W-live-1';
      const base = { departmentCode: 'SCJG-R01', caseId, itemCode: 'SCJG-R01-001' };
      const sent = await t.admin.withToken(keys['SCJG-R01']).post<{ accepted: number }>('/api/v1/events', {
        events: [
          { ...base, eventId: `${caseId}-1`, seq: 1, type: 'SUBMITTED', occurredAt: justNow(now, 2), data: { channel: 'ONLINE', documents: [] } },
          { ...base, eventId: `${caseId}-2`, seq: 2, type: 'ACCEPTED', occurredAt: justNow(now, 1), data: {} },
          // A fee on a free item: the FEE_IRREGULAR rule raises a RED card for this case.
          { ...base, eventId: `${caseId}-3`, seq: 3, type: 'FEE_CHARGED', occurredAt: justNow(now, 1), data: { amountFen: 20000 } },
        ],
      });
      expect(sent.body.accepted).toBe(3);
      const expected = String(await serverAcceptedTodayAtLeast(before + 1));
      await page.waitForFunction((value) => document.querySelector('[data-kpi="acceptedToday"]')?.textContent === value, expected);
      const card = page.locator('.feed-list').first().locator('.feed-item[data-level="RED"]', { hasText: '违规收费' });
      await card.first().waitFor({ timeout: 30_000 });
      const cardId = await card.first().getAttribute('data-card-id');
      expect(await page.locator('.tile[data-code="SCJG-R01"]').getAttribute('data-level')).toBe('RED');
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'wall-card-1920x1080.png') });

      // The api goes away under the page: stale, data kept on screen.
      const port = new URL(t.baseUrl).port;
      await t.app.close();
      await page.waitForSelector('html[data-state="stale"]', { timeout: 30_000 });
      expect(await kpi(page, 'acceptedToday')).toBe(expected);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'wall-stale-1920x1080.png') });

      // Back on the same address, same database: live again, same figures, nothing counted twice.
      restarted = await createApp(t.config, { databaseUrl: t.databaseUrl }, { logLevels: ['error', 'fatal'] });
      await restarted.listen({ port: Number(port), host: '127.0.0.1' });
      await page.waitForSelector('html[data-state="live"]', { timeout: 60_000 });
      expect(await kpi(page, 'acceptedToday')).toBe(expected);
      // One element per card in the whole feed: the card survived the restart and was not added twice.
      expect(await page.locator(`.feed-item[data-card-id="${cardId}"]`).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  async function serverAcceptedTodayAtLeast(minimum: number): Promise<number> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = await serverAcceptedToday();
      if (value >= minimum) return value;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`server never counted ${minimum} accepted today`);
  }
});
