import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { apiFieldErrors, chooseOption, createConsoleUser, fieldErrorOf, formItem, signInToConsole } from './support/console-section-helpers';
import { startTestApp, TestApp } from './support/test-app';
import { ARTIFACTS_DIR, ensureWallBuilt } from './support/wall-build';

declare const document: { body: { innerText: string } };

/** A year no bundled calendar covers, so loading it is visible (provisional → published). */
const UPLOADED_YEAR = 2031;
const calendarFile = {
  year: UPLOADED_YEAR,
  papers: ['国务院办公厅关于2031年部分节假日安排的通知（测试）'],
  days: [
    { name: '元旦', date: `${UPLOADED_YEAR}-01-01`, isOffDay: true },
    { name: '春节', date: `${UPLOADED_YEAR}-01-23`, isOffDay: true },
    { name: '春节', date: `${UPLOADED_YEAR}-01-26`, isOffDay: false },
  ],
};

describe('console administration in a real browser (Chromium, built console, server mode)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password: string;

  beforeAll(async () => {
    ensureWallBuilt();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    t = await startTestApp();
    password = await createConsoleUser(t.admin, 'centreadmin', { role: 'centre_admin', displayName: '系统管理员' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await signInToConsole(page, t.baseUrl, 'centreadmin', password);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  const open = async (route: string) => {
    await page.goto(`${t.baseUrl}/console${route}`);
    await page.locator(`[data-page="admin-${route.split('/').pop()}"]`).waitFor();
  };
  const shoot = async (name: string) => {
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `console-${name}-${width}x${height}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  };

  it('shows the administrator the administration menu and nothing of case work', async () => {
    await page.locator('.el-sub-menu__title', { hasText: '系统管理' }).click();
    await page.locator('[data-menu="/admin/departments"]').waitFor();
    const entries: (string | null)[] = [];
    for (const item of await page.locator('[data-testid="console-menu"] [data-menu]').all()) entries.push(await item.getAttribute('data-menu'));
    expect(entries).toEqual(expect.arrayContaining(['/admin/departments', '/admin/items', '/admin/users', '/admin/calendars', '/admin/audit']));
    // centre_admin reads no case data and configures no reports (access-policy.ts): those entries are not
    // shown. Of the accountability base it keeps only the posts table (posts.manage), which it maintains
    // with the personnel department; registers, clues and orders stay with the supervisors.
    expect(entries.filter((e) => e?.startsWith('/reports') || e?.startsWith('/cards') || e?.startsWith('/accountability'))).toEqual([
      '/accountability/posts',
    ]);
  });

  it('creates a department; a bad one is refused at its fields with the API’s own words', async () => {
    await open('/admin/departments');
    await page.locator('[data-action="new-department"]').click();
    await page.locator('[data-form="department"] input[name="code"]').fill('bad code!');
    await page.locator('[data-form="department"] input[name="contact.email"]').fill('not-an-address');
    await page.locator('.el-dialog [data-action="save"]').click();
    const api = await apiFieldErrors(t.admin, 'PUT', '/api/v1/departments/OK1', { contact: { email: 'not-an-address' } });
    expect(await fieldErrorOf(page, 'department', 'name')).toBe(api.name);
    expect(await fieldErrorOf(page, 'department', 'contact.email')).toBe(api['contact.email']);
    expect(await fieldErrorOf(page, 'department', 'code')).toBe((await apiFieldErrors(t.admin, 'PUT', '/api/v1/departments/bad%20code!', { name: 'x' })).code);
    await shoot('department-errors');

    await page.locator('[data-form="department"] input[name="code"]').fill('TSTJ');
    await page.locator('[data-form="department"] input[name="name"]').fill('测试审批局');
    await page.locator('[data-form="department"] input[name="contact.email"]').fill('office@tstj.example.cn');
    await page.locator('.el-dialog [data-action="save"]').click();
    await page.locator('.el-table__row', { hasText: 'TSTJ' }).waitFor();
    const stored = await t.admin.get<{ name: string; contact: { email: string } }>('/api/v1/departments/TSTJ');
    expect(stored.body).toMatchObject({ name: '测试审批局', contact: { email: 'office@tstj.example.cn' } });
    await shoot('departments');
  });

  it('issues a department key shown once, then only masked; the key works for the department', async () => {
    await open('/admin/departments');
    await page.locator('[data-keys-of="TSTJ"]').click();
    await page.locator('[data-form="key"] input[name="label"]').fill('审批系统');
    await page.locator('[data-action="issue-key"]').click();
    const shown = page.locator('[data-secret-value] input');
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^lmk_[0-9a-f]{16}_/);
    await shoot('key-issued');
    // The key is real: the department's system can send with it (an empty batch is refused for its content, not its key).
    const sent = await t.admin.withToken(key).post('/api/v1/events', { events: [] });
    expect(sent.status).not.toBe(401);

    await page.locator('[data-action="key-saved"]').click();
    await page.locator('[data-secret-value]').waitFor({ state: 'detached' });
    const masked = await page.locator('[data-masked-key]').first().innerText();
    expect(masked).toBe(`${key.slice(0, key.indexOf('_', 4))}_••••••••••••`);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(key);
  });

  it('creates an item; the form refuses what the API refuses, schema and business rule alike', async () => {
    await open('/admin/items');
    await page.locator('[data-action="new-item"]').click();
    const form = '[data-form="item"]';
    await page.locator(`${form} input[name="code"]`).fill('TSTJ-001');
    await page.locator(`${form} input[name="name"]`).fill('测试许可');
    await chooseOption(page, 'item', 'departmentCode', 'TSTJ');
    await page.locator(`${form} input[name="statutoryDays"]`).fill('0');
    await page.locator(`${form} input[name="promisedDays"]`).fill('10');
    await page.locator('.el-dialog [data-action="save"]').click();
    const body = { name: '测试许可', departmentCode: 'TSTJ', kind: 'PROMISED', statutoryDays: 0, promisedDays: 10, feeFen: 0, steps: [], requiredDocuments: [] };
    const schemaErrors = await apiFieldErrors(t.admin, 'PUT', '/api/v1/items/TSTJ-001', body);
    expect(await fieldErrorOf(page, 'item', 'statutoryDays')).toBe(schemaErrors.statutoryDays);

    // Past the schema, the API's own rule: the promise may not exceed the statutory limit.
    await page.locator(`${form} input[name="statutoryDays"]`).fill('5');
    await page.locator('.el-dialog [data-action="save"]').click();
    const ruleErrors = await apiFieldErrors(t.admin, 'PUT', '/api/v1/items/TSTJ-001', { ...body, statutoryDays: 5 });
    await formItem(page, 'item', 'promisedDays').locator('.el-form-item__error').waitFor();
    expect(await fieldErrorOf(page, 'item', 'promisedDays')).toBe(ruleErrors.promisedDays);
    expect(await fieldErrorOf(page, 'item', 'statutoryDays')).toBe('');

    await page.locator(`${form} input[name="statutoryDays"]`).fill('20');
    await page.locator(`${form} textarea[name="requiredDocuments"]`).fill('申请书\n营业执照');
    await page.locator('.el-dialog [data-action="save"]').click();
    await page.locator('.el-table__row', { hasText: 'TSTJ-001' }).waitFor();
    const stored = await t.admin.get('/api/v1/items/TSTJ-001');
    expect(stored.body).toMatchObject({ departmentCode: 'TSTJ', statutoryDays: 20, promisedDays: 10, requiredDocuments: ['申请书', '营业执照'] });
    await shoot('items');
  });

  it('refuses a bad user at its fields: a short password (schema) and a binding the role needs (API)', async () => {
    await open('/admin/users');
    await page.locator('[data-action="new-user"]').click();
    await page.locator('[data-form="user"] input[name="username"]').fill('tstj-head');
    await chooseOption(page, 'user', 'role', '部门负责人');
    await page.locator('[data-form="user"] input[name="password"]').fill('short');
    await page.locator('.el-dialog [data-action="save"]').click();
    const schema = await apiFieldErrors(t.admin, 'PUT', '/api/v1/users/tstj-head', { role: 'department_supervisor', password: 'short' });
    expect(await fieldErrorOf(page, 'user', 'password')).toBe(schema.password);

    await page.locator('[data-form="user"] input[name="password"]').fill('a much longer pass phrase');
    await page.locator('.el-dialog [data-action="save"]').click();
    const binding = await apiFieldErrors(t.admin, 'PUT', '/api/v1/users/tstj-head', { role: 'department_supervisor', password: 'a much longer pass phrase' });
    await formItem(page, 'user', 'departmentCode').locator('.el-form-item__error').waitFor();
    expect(await fieldErrorOf(page, 'user', 'departmentCode')).toBe(binding.departmentCode);

    await chooseOption(page, 'user', 'departmentCode', 'TSTJ');
    await page.locator('.el-dialog [data-action="save"]').click();
    await page.locator('.el-table__row', { hasText: 'tstj-head' }).waitFor();
    expect((await t.admin.get('/api/v1/users/tstj-head')).body).toMatchObject({ role: 'department_supervisor', departmentCode: 'TSTJ' });
  });

  it('uploads a year’s holiday calendar: the year turns from provisional to published', async () => {
    await open('/admin/calendars');
    expect(await page.locator(`[data-year-status="${UPLOADED_YEAR}"]`).count()).toBe(0);
    await page.locator('[data-calendar-file]').setInputFiles({ name: `${UPLOADED_YEAR}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(calendarFile)) });
    const status = page.locator(`[data-year-status="${UPLOADED_YEAR}"]`);
    await status.waitFor();
    expect(await status.innerText()).toBe('已发布');
    const list = await t.admin.get<{ years: { year: number; published: boolean; source: string; loadedBy: string }[] }>('/api/v1/calendars');
    expect(list.body.years.find((y) => y.year === UPLOADED_YEAR)).toMatchObject({ published: true, source: 'loaded' });

    // A broken file is refused whole, with the API's reason, and nothing is loaded.
    const broken = { ...calendarFile, year: UPLOADED_YEAR + 1, days: [{ name: '元旦', date: `${UPLOADED_YEAR + 3}-01-01`, isOffDay: true }] };
    await page.locator('[data-calendar-file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const error = page.locator('[data-calendar-error]');
    await error.waitFor();
    expect(await error.innerText()).toContain(`is outside ${UPLOADED_YEAR}-12-01..${UPLOADED_YEAR + 1}-12-31`);
    expect(await page.locator(`[data-year-status="${UPLOADED_YEAR + 1}"]`).count()).toBe(0);
    await shoot('calendars');
  });

  it('issues a wall-screen token with its ready wall URL, shown once', async () => {
    await open('/admin/displays');
    await page.locator('[data-action="new-display"]').click();
    await page.locator('[data-form="display"] input[name="name"]').fill('指挥大厅主屏');
    await page.locator('.el-dialog [data-action="save"]').click();
    const url = await page.locator('[data-secret-value] input').inputValue();
    expect(url).toMatch(new RegExp(`^${t.baseUrl}/wall\\?token=lmd_`));
    const token = decodeURIComponent(url.slice(url.indexOf('token=') + 'token='.length));
    expect((await t.admin.withToken(token).get<{ kind: string }>('/api/v1/me')).body.kind).toBe('display');
  });

  it('shows the administrator the rule settings without a save: changing them is a centre supervisor’s decision', async () => {
    await open('/admin/rule-settings');
    await page.locator('[data-parameter="LATE_REPORTING.maxDelayHours"] input').waitFor();
    expect(await page.locator('[data-page="admin-rule-settings"] [data-action="dry-run"]').count()).toBe(1);
    expect(await page.locator('[data-page="admin-rule-settings"] [data-action="save"]').count()).toBe(0);
  });

  it('lets a centre supervisor dry-run and save a rule threshold as a centre override, refused values named at their row', async () => {
    const supervisorPassword = await createConsoleUser(t.admin, 'centresupervisor', { role: 'centre_supervisor', displayName: '监察员' });
    const supervisorContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const supervisor = await supervisorContext.newPage();
      await signInToConsole(supervisor, t.baseUrl, 'centresupervisor', supervisorPassword);
      // Reached from the cards page, where a centre supervisor works (the administration menu is not theirs).
      await supervisor.goto(`${t.baseUrl}/console/cards`);
      await supervisor.locator('[data-testid="rule-settings-link"]').click();
      await supervisor.locator('[data-page="admin-rule-settings"]').waitFor();
      const delay = supervisor.locator('[data-parameter="LATE_REPORTING.maxDelayHours"] input');
      await delay.fill('-5');
      await supervisor.locator('[data-page="admin-rule-settings"] [data-action="save"]').click();
      const api = await apiFieldErrors(t.admin, 'PUT', '/api/v1/rule-settings', { LATE_REPORTING: { maxDelayHours: -5 } });
      const shown = supervisor.locator('[data-parameter="LATE_REPORTING.maxDelayHours"] .admin-inline-error');
      await shown.waitFor();
      expect(await shown.innerText()).toBe(api['LATE_REPORTING.maxDelayHours']);
      await delay.fill('48');
      // The dry run answers before anything is saved, with the API's own count.
      await supervisor.locator('[data-action="dry-run"]').click();
      const dryRun = supervisor.locator('[data-dry-run]');
      await dryRun.waitFor();
      const counted = await t.admin.post<{ totals: { proposed: number; current: number } }>('/api/v1/rule-settings/dry-run', { LATE_REPORTING: { maxDelayHours: 48 } });
      expect(await dryRun.innerText()).toContain(`将产生 ${counted.body.totals.proposed} 张牌（现行设置 ${counted.body.totals.current} 张`);
      expect((await t.admin.get<{ overrides: object }>('/api/v1/rule-settings')).body.overrides).toEqual({});
      await supervisor.locator('[data-page="admin-rule-settings"] [data-action="save"]').click();
      await supervisor.locator('.el-message--success').waitFor();
      const stored = await t.admin.get<{ overrides: Record<string, Record<string, unknown>> }>('/api/v1/rule-settings');
      expect(stored.body.overrides).toEqual({ LATE_REPORTING: { maxDelayHours: 48 } });
      const audit = await t.admin.get<{ items: { actorId: string; before: unknown; after: unknown }[] }>('/api/v1/audit?action=rule_settings.put');
      expect(audit.body.items.map(({ actorId, before, after }) => ({ actorId, before, after }))).toEqual([
        { actorId: 'centresupervisor', before: {}, after: { LATE_REPORTING: { maxDelayHours: 48 } } },
      ]);
    } finally {
      await supervisorContext.close();
    }
  });

  it('verifies the audit log chain, every change above recorded in it', async () => {
    await open('/admin/audit');
    expect(await page.locator('.el-table__row', { hasText: 'department_key.issue' }).count()).toBe(1);
    await page.locator('[data-action="verify-audit"]').click();
    const verdict = page.locator('[data-audit-verification]');
    await verdict.waitFor();
    expect(await verdict.innerText()).toMatch(/审计链完整：已校验 \d+ 条/);
  });
});
