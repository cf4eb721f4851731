import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { PUBLIC_CATALOGUE, publicCaseEvents, QUERY_CODE } from './fixtures/public-cases';
import { setUpCatalogue } from './support/catalogue-setup';
import { launchChromium } from './support/chromium';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { ARTIFACTS_DIR } from './support/wall-build';

/** A phone: 390 × 844 CSS pixels, touch, as an applicant holds it at the service window. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe('the public page (/public) on a phone', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    // A small proof of work keeps the browser's solving short; the server checks it the same way.
    t = await startTestApp({ SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', PUBLIC_POW_BITS: '8' });
    const keys = await setUpCatalogue(t.admin, PUBLIC_CATALOGUE);
    expect((await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: publicCaseEvents() })).status).toBe(202);
    await waitFor(async () => ((await t.admin.get<{ total: number }>('/api/v1/cases?departmentCode=SCJG')).body.total === 3 ? true : undefined), 'three cases projected');
    browser = await launchChromium();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async (query = ''): Promise<Page> => {
    const page = await (await browser.newContext(PHONE)).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.baseUrl}/public${query}`);
    await page.locator('#p-dept option[value="SCJG"]').waitFor({ state: 'attached' });
    expect(errors).toEqual([]);
    return page;
  };

  it('looks a case up by number and code, in Chinese and in English, without sideways scrolling', async () => {
    const page = await open();
    await page.selectOption('#p-dept', 'SCJG');
    await page.fill('#p-case', 'P1');
    await page.fill('#p-code', QUERY_CODE);
    await page.click('#progress-form button[type=submit]');
    const card = page.locator('#progress-card');
    await card.waitFor();
    const zh = await card.innerText();
    for (const text of ['市场监督管理局', '食品经营许可', '已办结', '承诺时限 10 个工作日', '法定时限 20 个工作日', '专家评审：2025-11-05 – 2025-11-10']) expect(zh).toContain(text);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'public-progress-phone.png'), fullPage: true });

    await page.click('#lang');
    const en = await page.locator('#progress-card').innerText();
    for (const text of ['Promised limit 10 working days', 'Statutory limit 20 working days', 'Completed', 'expert review']) expect(en).toContain(text);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('says the same for a wrong code as for an unknown case', async () => {
    const page = await open();
    const answer = async (caseId: string, code: string) => {
      await page.selectOption('#p-dept', 'SCJG');
      await page.fill('#p-case', caseId);
      await page.fill('#p-code', code);
      await page.click('#progress-form button[type=submit]');
      const alert = page.locator('#progress-result [role=alert]');
      await alert.waitFor();
      return alert.innerText();
    };
    const wrong = await answer('P1', 'WRONG1234');
    expect(wrong).toBe('未找到该办件，或查询码不正确。');
    expect(await answer('NO-SUCH', QUERY_CODE)).toBe(wrong);
  });

  it('sends a complaint (solving the challenge in the page) and shows the directory', async () => {
    const page = await open();
    await page.click('#tab-complain');
    await page.selectOption('#c-dept', 'SCJG');
    await page.fill('#c-contact', '13800000000');
    await page.fill('#c-case', 'P1');
    await page.fill('#c-code', QUERY_CODE);
    await page.fill('#c-content', '窗口工作人员要求补交清单以外的材料。');
    await page.click('#complaint-form button[type=submit]');
    const done = page.locator('#complaint-result [role=status]');
    await done.waitFor({ timeout: 30_000 });
    const reference = (await done.innerText()).match(/[0-9a-f-]{36}/)?.[0];
    expect(reference).toBeDefined();
    const received = await t.admin.get<{ channel: string; caseId: string | null; departmentCode: string }>(`/api/v1/complaints/${reference}`);
    expect(received.body).toMatchObject({ channel: 'WEB', caseId: 'P1', departmentCode: 'SCJG' });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'public-complaint-phone.png'), fullPage: true });

    await page.click('#tab-directory');
    const entry = page.locator('#directory-list li[data-department="SCJG"]');
    await expect(entry.innerText()).resolves.toContain('0571-12345');
    expect(await entry.locator('a[href="https://scjg.example.gov.cn/ts"]').count()).toBe(1);
    expect(await page.locator('#directory-list li[data-department="ZJJ"]').innerText()).toContain('未公布');
  });
});
