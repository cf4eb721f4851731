import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { NOVEMBER_EVENTS, REPORTS_CATALOGUE } from './fixtures/reports-november';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { launchChromium } from './support/chromium';
import { pdfFontsAndCharacters } from './support/pdf-text';
import { startTestApp, TestApp } from './support/test-app';
import { ARTIFACTS_DIR } from './support/wall-build';
import { waitFor } from './support/wait-for';

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };

/** Text that must be visible on the printed report (title, section heads, a metric, a chart legend). */
const CHINESE = ['市场监督管理局', '行政审批合规报告', '办件情况', '按期办结率', '受理件数', '超法定时限件数'];

describe('the HTML compliance report printed by headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    const keys = await setUpCatalogue(t.admin, REPORTS_CATALOGUE);
    const sent = await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: NOVEMBER_EVENTS.SCJG });
    expect(sent.status).toBe(202);
    await waitFor(async () => ((await countRows(t.databaseUrl, 'SELECT count(*) AS n FROM ingest_batches WHERE projected_at IS NULL')) === 0 ? true : undefined), 'projected');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders Chinese text and server-side charts, and prints to a PDF whose fonts carry that text', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${t.admin.token}` });
    const response = await page.goto(`${t.baseUrl}/api/v1/reports/departments/SCJG?from=2025-11-01&to=2025-11-30&format=html`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');

    const visible = await page.locator('body').innerText();
    for (const text of CHINESE) expect(visible).toContain(text);
    expect(await page.locator('figure svg').count()).toBeGreaterThanOrEqual(1);
    // The chart is drawn, not empty: ECharts rendered bars for the days with accepted cases.
    expect(await page.locator('figure svg path').count()).toBeGreaterThan(5);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'report-scjg-2025-11.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(ARTIFACTS_DIR, 'report-scjg-2025-11.pdf'), pdf);
    await page.close();

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { fonts, characters } = pdfFontsAndCharacters(pdf);
    // A CJK font is embedded (without one the glyphs would be empty boxes from a fallback font)…
    expect(fonts.some((f) => /CJK|SourceHan|WenQuanYi|Droid/i.test(f))).toBe(true);
    // …and its glyphs map back to every character of the Chinese text.
    const missing = [...CHINESE.join('')].filter((ch) => !characters.has(ch));
    expect(missing).toEqual([]);

    const pdftotext = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    if (pdftotext.status === 0) for (const text of CHINESE) expect(pdftotext.stdout.replace(/\s+/g, '')).toContain(text);
  });

  it('renders the English version on request', async () => {
    const page = await browser.newPage();
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${t.admin.token}` });
    await page.goto(`${t.baseUrl}/api/v1/reports/departments/SCJG?from=2025-11-01&to=2025-11-30&format=html&lang=en`);
    expect(await page.locator('h1').innerText()).toBe('市场监督管理局 · Licensing compliance report');
    expect(await page.locator('body').innerText()).toContain('On-time rate');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });
});
