import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { Browser, Page } from 'playwright-core';
import { CatalogueFile, WallSnapshot } from '@app/contracts';
import { cityCatalogue } from '@app/simulation';
import { cityWallCatalogue, justNow, wallTraffic } from './fixtures/wall-catalogue';
import { launchChromium } from './support/chromium';
import { setUpCatalogue } from './support/catalogue-setup';
import { PG_ADMIN_URL } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';
import { ARTIFACTS_DIR, ensureWallBuilt } from './support/wall-build';
import { WallSocketProbe } from './support/wall-socket';

/** The DOM shapes the page-side functions touch (this file compiles without the DOM lib). */
interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
interface PageElement {
  hidden: boolean;
  className: string;
  textContent: string | null;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  dataset: Record<string, string>;
  parentElement: PageElement;
  querySelector(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
}
declare const document: {
  documentElement: { scrollWidth: number; scrollHeight: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: { innerWidth: number; innerHeight: number; getComputedStyle(e: PageElement): { fontSize: string } };
declare function requestAnimationFrame(callback: () => void): number;

const demo = JSON.parse(readFileSync(path.join(__dirname, '../resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
const CITY = cityWallCatalogue(cityCatalogue(demo));

/** One frame of the page: the headline figures and the district figures the region view describes. */
interface FrameFigures {
  inProgress: string;
  acceptedToday: string;
  overdue: string;
  regionsAria: string;
}

/** Reads the KPIs and the region chart's aria description in one synchronous step, after a paint. */
const frameFigures = (page: Page): Promise<FrameFigures> =>
  page.evaluate(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const text = (key: string) => document.querySelector(`[data-kpi="${key}"]`)!.textContent ?? '';
    return {
      inProgress: text('inProgress'),
      acceptedToday: text('acceptedToday'),
      overdue: text('overdue'),
      regionsAria: document.querySelector('.panel-regions [aria-label]')?.getAttribute('aria-label') ?? '',
    };
  });

const sumOf = (description: string, pattern: RegExp): number => [...description.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
const asNumber = (kpi: string): number => Number(kpi.replace(/,/g, ''));

/** The visible tiles' names: text, drawn size in screen pixels, box, and whether the text is cut. */
const visibleTileNames = (page: Page) =>
  page.evaluate(() => {
    const stage = document.querySelector('.stage')!.getBoundingClientRect();
    const scale = stage.width / 1920;
    return [...document.querySelectorAll('.tile')]
      .filter((tile) => !tile.hidden)
      .map((tile) => {
        const name = tile.querySelector('.tile-name')!;
        const r = name.getBoundingClientRect();
        return {
          code: tile.dataset.code,
          text: name.textContent ?? '',
          px: parseFloat(window.getComputedStyle(name).fontSize) * scale,
          rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
          cut: tile.scrollHeight > tile.clientHeight + 1 || tile.scrollWidth > tile.clientWidth + 1 || name.scrollWidth > name.clientWidth + 1,
        };
      });
  });

const overlaps = (a: Rect | { left: number; top: number; right: number; bottom: number }, b: typeof a) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('wall screen at a city’s size: 60 departments in 10 districts (Chromium, built dashboard)', () => {
  let t: TestApp;
  let browser: Browser;
  let keys: Record<string, string>;
  const wallUrl = (query = '') => `${t.baseUrl}/wall?token=${encodeURIComponent(t.config.adminToken)}${query}`;

  beforeAll(async () => {
    ensureWallBuilt();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    t = await startTestApp({ JWT_SECRET: 'wall-city-browser-secret-0123456789abcdef' }, { keepDatabase: true });
    keys = await setUpCatalogue(t.admin, CITY);
    for (const [department, events] of wallTraffic(Date.now(), CITY)) {
      const sent = await t.admin.withToken(keys[department]).post<{ accepted: number }>('/api/v1/events', { events });
      if (sent.body.accepted !== events.length) throw new Error(`${department}: ${JSON.stringify(sent.body)}`);
    }
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.app.close();
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${t.databaseUrl.split('/').pop()} WITH (FORCE)`);
    await admin.end();
  });

  async function serverSnapshot(): Promise<WallSnapshot> {
    const probe = new WallSocketProbe(t.baseUrl, t.config.adminToken);
    try {
      return await probe.nthSnapshot(1);
    } finally {
      probe.close();
    }
  }

  /** The server's snapshot once two readings 2 s apart agree: the traffic sent is all projected. */
  async function settledSnapshot(): Promise<WallSnapshot> {
    let before = await serverSnapshot();
    for (let attempt = 0; attempt < 60; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const after = await serverSnapshot();
      if (JSON.stringify([after.kpis, after.departments]) === JSON.stringify([before.kpis, before.departments])) return after;
      before = after;
    }
    throw new Error('the wall figures never settled');
  }

  /** The settled snapshot, once the page shows its figures. */
  async function pageShowsServer(page: Page): Promise<WallSnapshot> {
    for (let attempt = 0; ; attempt++) {
      const snapshot = await settledSnapshot();
      const shown = await page
        .waitForFunction(
          (value) => document.querySelector('[data-kpi="inProgress"]')?.textContent === value,
          snapshot.kpis.inProgress.toLocaleString('en-US'),
          { timeout: 5000 },
        )
        .then(() => true)
        .catch(() => false);
      if (shown) return snapshot;
      if (attempt === 12) throw new Error(`the page never showed the server's in-progress figure ${snapshot.kpis.inProgress}`);
    }
  }

  it.each([
    [1920, 1080],
    [3840, 2160],
  ])('fits %ix%i: every department on a tile page, names whole and ≥ 14 px at 1080p, no overlaps, every chart described', async (width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    try {
      await page.goto(wallUrl('&rotate=2'));
      await page.waitForSelector('html[data-state="live"]', { timeout: 30_000 });
      const snapshot = await pageShowsServer(page);
      expect(snapshot.departments).toHaveLength(60);
      expect(await page.locator('.tile').count()).toBe(60);
      // Frames are paced (2 s): the one with these figures has drawn every panel; then the entry animations settle.
      await page.waitForTimeout(3000);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `wall-city-${width}x${height}.png`) });

      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        scrollHeight: document.documentElement.scrollHeight,
        innerWidth: window.innerWidth,
        innerHeight: window.innerHeight,
        overflowing: [...document.querySelectorAll('.panel, .kpi, .header')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
          .map((e) => e.className),
        // ECharts puts its aria description on the element it draws in.
        charts: [...document.querySelectorAll('.panel-body')]
          .filter((e) => e.querySelector('canvas') !== null)
          .map((e) => ({ panel: e.parentElement.className, aria: e.getAttribute('aria-label') ?? '' })),
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.scrollHeight).toBeLessThanOrEqual(layout.innerHeight);
      expect(layout.overflowing).toEqual([]);
      expect(layout.charts).toHaveLength(4);
      for (const chart of layout.charts) expect(chart.aria.length).toBeGreaterThan(10);

      // Nothing animates by itself on the page: the alarms (overdue tiles, the live dot) blink on one
      // shared clock, an attribute flipped once a second, not a CSS animation per tile (issue 22.5).
      const blinking = await page.evaluate<{ infinite: number; flips: boolean[] }>(`(async () => {
        const infinite = document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().iterations === Infinity).length;
        const flips = [];
        for (let i = 0; i < 3; i++) {
          flips.push(document.querySelector('[data-blink-off]') !== null);
          await new Promise((r) => setTimeout(r, 1100));
        }
        return { infinite, flips };
      })()`);
      expect(blinking.infinite).toBe(0);
      expect(new Set(blinking.flips).size).toBe(2);

      // The ranking shows the worst first: its description starts with a department of the lowest rate.
      const rated = snapshot.departments.filter((d) => d.onTimeRate !== null);
      const lowest = Math.min(...rated.map((d) => d.onTimeRate!));
      const ranking = layout.charts.find((c) => c.panel.includes('ranking'))!.aria;
      const first = ranking.split(/[:：]/)[1].split('；')[0].trim();
      expect(rated.filter((d) => d.onTimeRate === lowest).map((d) => d.name)).toContain(first.slice(0, first.lastIndexOf(' ')));

      // The tile pages turn: collect every page, checking each as it is shown.
      const seen = new Set<string>();
      const scale = width / 1920;
      for (let turn = 0; turn < 40 && seen.size < 60; turn++) {
        const names = await visibleTileNames(page);
        expect(names.length).toBeGreaterThan(0);
        expect(names.length).toBeLessThanOrEqual(6);
        for (const name of names) {
          expect(name.px / scale).toBeGreaterThanOrEqual(14);
          expect({ code: name.code, cut: name.cut }).toEqual({ code: name.code, cut: false });
          seen.add(name.code);
        }
        expect(new Set(names.map((n) => n.text)).size).toBe(names.length);
        for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) expect(overlaps(names[i].rect, names[j].rect)).toBe(false);
        await page.waitForTimeout(700);
      }
      expect(seen.size).toBe(60);
    } finally {
      await page.close();
    }
  });

  it('shows one frame from one snapshot: the districts add up to the headline, also while cases arrive', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(wallUrl());
      await page.waitForSelector('html[data-state="live"]', { timeout: 30_000 });
      await page.waitForFunction(() => (document.querySelector('.panel-regions [aria-label]')?.getAttribute('aria-label') ?? '').includes('在办'));
      const departments = Object.keys(CITY.departments);
      const now = Date.now();
      let sent = 0;
      const samples: FrameFigures[] = [];
      for (let round = 0; round < 8; round++) {
        // A burst of new cases over many departments at once, then a look at the screen.
        await Promise.all(
          departments.slice(round * 7, round * 7 + 7).map((code) => {
            const caseId = `W-burst-${round}-${code}`;
            const base = { departmentCode: code, caseId, itemCode: `${code}-001` };
            sent += 1;
            return t.admin.withToken(keys[code]).post('/api/v1/events', {
              events: [
                { ...base, eventId: `${caseId}-1`, seq: 1, type: 'SUBMITTED', occurredAt: justNow(now, 20), data: { channel: 'ONLINE', documents: [] } },
                { ...base, eventId: `${caseId}-2`, seq: 2, type: 'ACCEPTED', occurredAt: justNow(now, 10), data: {} },
              ],
            });
          }),
        );
        await page.waitForTimeout(400);
        samples.push(await frameFigures(page));
      }
      expect(sent).toBe(56);
      for (const frame of samples) {
        expect({ inProgress: sumOf(frame.regionsAria, /在办(\d+)件/g), accepted: sumOf(frame.regionsAria, /受理(\d+)件/g), overdue: sumOf(frame.regionsAria, /超期(\d+)件/g) }).toEqual({
          inProgress: asNumber(frame.inProgress),
          accepted: asNumber(frame.acceptedToday),
          overdue: asNumber(frame.overdue),
        });
      }
    } finally {
      await page.close();
    }
  });
});
