import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { apiAs, setUpConsoleWorld, signInWithKeyboard } from './support/console-browser-world';
import { apiFieldErrors, fieldErrorOf } from './support/console-section-helpers';
import { startTestApp, TestApp } from './support/test-app';
import { ARTIFACTS_DIR, ensureWallBuilt } from './support/wall-build';

/** A quarter long ended (the console world's cases were accepted in it): every county's report is past due. */
const QUARTER = '2025Q4';
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

interface Meeting {
  heldOn: string;
  attendees: { code: string; name: string }[];
  agenda: { complaints: { open: { subject: string }[] }; openClues?: { subject: string }[] };
  resolutions: { text: string; ownerCode: string; dueOn: string; state: string }[];
}
interface Report {
  id: string;
  regionCode: string;
  period: string;
  state: string;
  narrative: string;
  guidance: { text: string }[];
}

/**
 * 联席会议 and 县区报告 in a real Chromium against the real server: the centre records a quarter's
 * joint meeting and its resolutions and downloads the minutes; a county drafts and signs off its
 * report; the centre acknowledges it and sees which counties are late.
 */
describe('console: joint meeting and county reports in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let centreContext: BrowserContext;
  let centre: Page;

  beforeAll(async () => {
    ensureWallBuilt();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    t = await startTestApp({ SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', LOGIN_RATE_LIMIT_MAX: '200' });
    await setUpConsoleWorld(t);
    // A recorded body to pick as an attendee, and a second county (R2, with a department of its own).
    expect((await t.admin.put('/api/v1/accountability-bodies/SJ-AUDIT', { name: '市审计局', kind: 'AUDIT' })).status).toBe(200);
    expect((await t.admin.put('/api/v1/regions/R2', { name: '西城区' })).status).toBe(200);
    expect((await t.admin.put('/api/v1/departments/XC-FGW', { name: '西城区发展和改革局', regionCode: 'R2' })).status).toBe(200);
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

  const meetingOf = async (): Promise<Meeting> => {
    const answer = await (await apiAs(t, 'centreSupervisor')).get<Meeting>(`/api/v1/joint-meetings/${QUARTER}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const typeDate = async (page: Page, form: string, name: string, day: string) => {
    const input = page.locator(`[data-form="${form}"] input[name="${name}"]`);
    await input.fill(day);
    await input.press('Enter');
  };

  it('records the quarter’s meeting, shows its agenda, adds a resolution and downloads the minutes', async () => {
    const centreApi = await apiAs(t, 'centreSupervisor');
    // A complaint still open when the meeting sits: the agenda lists it.
    const complaint = await centreApi.post('/api/v1/complaints', { departmentCode: 'SCJG', channel: 'HOTLINE', subject: '联席会议议题投诉：窗口拖延', content: '申请人反映窗口拖延办理。' });
    expect(complaint.status).toBe(201);
    // And a clue still open: the agenda lists that too.
    const clue = await centreApi.post('/api/v1/clues', {
      channel: 'NEWS_MEDIA', subject: '联席会议议题线索：媒体反映', detail: '晚报报道窗口推诿', departmentCodes: ['SCJG'], source: { referenceNo: '晚报-0120', title: '窗口推诿', date: '2026-01-10' },
    });
    expect(clue.status).toBe(201);

    await centre.goto(`${t.baseUrl}/console/meetings/joint?quarter=${QUARTER}`);
    await centre.locator('[data-meeting-missing]').waitFor();
    expect((await centreApi.get(`/api/v1/joint-meetings/${QUARTER}`)).status).toBe(404);

    await typeDate(centre, 'meeting', 'heldOn', '2026-01-20');
    // One body picked from those recorded, one typed in.
    await centre.locator('[data-form="meeting"] [data-pick-body] .el-select__wrapper').click();
    await centre.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'SJ-AUDIT' }).click();
    await centre.locator('[data-action="add-attendee"]').click();
    await centre.locator('[data-form="meeting"] [name="attendees.1.code"]').fill('SCJG');
    await centre.locator('[data-form="meeting"] [name="attendees.1.name"]').fill('市场监督管理局');
    await centre.locator('[data-action="record-meeting"]').click();
    await centre.locator('[data-meeting]').waitFor();

    const recorded = await meetingOf();
    expect(recorded.heldOn).toBe('2026-01-20');
    expect(recorded.attendees).toEqual([
      { code: 'SJ-AUDIT', name: '市审计局' },
      { code: 'SCJG', name: '市场监督管理局' },
    ]);
    // The agenda the page shows is the API's: the open complaint is on it.
    expect(recorded.agenda.complaints.open.map((c) => c.subject)).toContain('联席会议议题投诉：窗口拖延');
    await centre.locator('[data-agenda="openComplaints"] .el-table__row', { hasText: '联席会议议题投诉：窗口拖延' }).waitFor();
    expect(recorded.agenda.openClues?.map((c) => c.subject)).toContain('联席会议议题线索：媒体反映');
    expect(await centre.locator('[data-agenda="openClues"] .el-table__row', { hasText: '联席会议议题线索：媒体反映' }).innerText()).toContain('新闻媒体');
    expect(await centre.locator('[data-attendees]').innerText()).toContain('市审计局');

    // Redraw the agenda: still there.
    await centre.locator('[data-action="redraw-agenda"]').click();
    await centre.locator('.el-message--success').first().waitFor();

    // A resolution with a last day in the past: the API refuses it, and says so at the field.
    await centre.locator('[data-action="add-resolution"]').click();
    const dialog = centre.locator('[data-form="resolution"]');
    await dialog.waitFor();
    await dialog.locator('[name="text"]').fill('市场监督管理局于季度内完成窗口超时整改并书面报告。');
    await dialog.locator('.el-form-item', { has: centre.locator('[name="owner.code"]') }).locator('.el-select__wrapper').click();
    await centre.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'SCJG' }).first().click();
    expect(await dialog.locator('[name="owner.name"]').inputValue()).toBe('市场监督管理局');
    await typeDate(centre, 'resolution', 'dueOn', '2020-01-01');
    await centre.locator('[data-dialog="resolution"] [data-action="submit"]').click();
    const expected = await apiFieldErrors(centreApi, 'POST', `/api/v1/joint-meetings/${QUARTER}/resolutions`, {
      text: 'x',
      owner: { code: 'SCJG', name: '市场监督管理局' },
      dueOn: '2020-01-01',
    });
    expect(await fieldErrorOf(centre, 'resolution', 'dueOn')).toBe(expected.dueOn);
    expect((await meetingOf()).resolutions).toEqual([]);

    await typeDate(centre, 'resolution', 'dueOn', `${NEXT_YEAR}-06-30`);
    await centre.locator('[data-dialog="resolution"] [data-action="submit"]').click();
    await centre.locator('[data-resolutions] .el-table__row', { hasText: '窗口超时整改' }).waitFor();
    const [resolution] = (await meetingOf()).resolutions;
    expect(resolution).toMatchObject({ ownerCode: 'SCJG', dueOn: `${NEXT_YEAR}-06-30`, state: 'OPEN' });
    // The recorded meetings, with their resolutions counted by state as GET /joint-meetings counts them.
    const listed = (await centreApi.get<{ quarter: string; resolutions: Record<string, number> }[]>('/api/v1/joint-meetings')).body;
    expect(listed).toEqual([expect.objectContaining({ quarter: QUARTER, resolutions: { OPEN: 1 } })]);
    await centre.locator(`[data-recorded-quarter="${QUARTER}"]`, { hasText: '落实中 1' }).waitFor();
    await centre.screenshot({ path: path.join(ARTIFACTS_DIR, 'console-joint-meeting-1366x768.png'), fullPage: true });

    // The minutes as a workbook: the resolution and the bodies attending, as recorded.
    const [download] = await Promise.all([centre.waitForEvent('download'), centre.locator('[data-download="minutes-xlsx"]').click()]);
    expect(download.suggestedFilename()).toBe(`joint-meeting-minutes-${QUARTER}.xlsx`);
    const file = path.join(ARTIFACTS_DIR, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const texts = (sheet: string) => {
      const out: string[] = [];
      book.getWorksheet(sheet)!.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
      return out;
    };
    expect(texts('会议决议')).toContain(resolution.text);
    expect(texts('会议决议')).toContain(`${NEXT_YEAR}-06-30`);
    expect(texts('参会单位')).toEqual(expect.arrayContaining(['SJ-AUDIT', '市审计局', '市场监督管理局']));

    // The printable minutes open in a new tab, in the console's language (English here).
    await centre.locator('[data-testid="language-switch"]').click();
    await centre.locator('.el-select-dropdown__item:has-text("English")').click();
    await centre.locator('[data-download="minutes-html"]', { hasText: 'Print the minutes' }).waitFor();
    const [printable] = await Promise.all([centreContext.waitForEvent('page'), centre.locator('[data-download="minutes-html"]').click()]);
    await printable.waitForURL((url) => url.protocol === 'blob:');
    await printable.waitForLoadState();
    const printed = await printable.locator('body').innerText();
    expect(printed).toContain('Minutes of the joint meeting on licensing supervision');
    expect(printed).toContain(resolution.text);
    await printable.close();
    await centre.locator('[data-testid="language-switch"]').click();
    await centre.locator('.el-select-dropdown__item:has-text("简体中文")').click();
    await centre.locator('[data-download="minutes-html"]', { hasText: '打印会议纪要' }).waitFor();

    // Marked done from the page.
    await centre.locator('[data-resolutions] [data-action="mark-done"]').click();
    await centre.locator('[data-form="done"] [name="note"]').fill('已整改并报告。');
    await centre.locator('[data-dialog="done"] [data-action="submit"]').click();
    await centre.locator('[data-resolutions] [data-state="DONE"]').waitFor();
    expect((await meetingOf()).resolutions[0].state).toBe('DONE');
    await centre.locator(`[data-recorded-quarter="${QUARTER}"]`, { hasText: '已落实 1' }).waitFor();
  });

  it('a county drafts and signs off its report; the centre acknowledges it and sees the other county late', async () => {
    const region = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInWithKeyboard(region, t.baseUrl, 'regionSupervisor', `/console/meetings/county-reports?period=${QUARTER}`);
    await region.locator('[data-form="county-draft"]').waitFor();
    // A region supervisor sees no standing of the other counties (the city's view).
    expect(await region.locator('[data-standing]').count()).toBe(0);
    await region.locator('[data-form="county-draft"] [name="narrative"]').fill('本季度东城区开展窗口超时专项整治，红黄牌均已整改。');
    await region.locator('[data-action="draft-report"]').click();
    await region.locator('[data-dialog="county-report"] [data-action="sign-off"]').waitFor();
    const regionApi = await apiAs(t, 'regionSupervisor');
    const [drafted] = (await regionApi.get<Report[]>(`/api/v1/county-reports?period=${QUARTER}`)).body;
    expect(drafted).toMatchObject({ regionCode: 'R1', period: QUARTER, state: 'DRAFT' });
    // Its figures are the region's own data: the world's case accepted in the quarter.
    await region.locator('[data-dialog="county-report"] [data-kpi="accepted"]').waitFor();
    await region.locator('[data-dialog="county-report"] [data-action="sign-off"]').click();
    await region.locator('[data-dialog="county-report"] [data-submitted]').waitFor();
    const submitted = (await regionApi.get<Report>(`/api/v1/county-reports/${drafted.id}`)).body;
    expect(submitted).toMatchObject({ state: 'SUBMITTED', narrative: '本季度东城区开展窗口超时专项整治，红黄牌均已整改。' });
    await region.context().close();

    await centre.goto(`${t.baseUrl}/console/meetings/county-reports?period=${QUARTER}`);
    await centre.locator('[data-standing] [data-standing-of="R2"]').waitFor();
    const standing = (await (await apiAs(t, 'centreSupervisor')).get<{ regions: { regionCode: string; standing: string }[]; late: { regionCode: string }[] }>(
      `/api/v1/county-reports/late?period=${QUARTER}`,
    )).body;
    expect(standing.late.map((r) => r.regionCode)).toEqual(['R2']);
    for (const r of standing.regions) expect(await centre.locator(`[data-standing-of="${r.regionCode}"]`).getAttribute('data-standing-value')).toBe(r.standing);
    expect(await centre.locator('[data-standing-of="R2"]').innerText()).toBe('逾期未报');
    expect(await centre.locator('[data-standing-of="R1"]').innerText()).toBe('逾期报送');

    await centre.locator('[data-open-report="R1"]').click();
    await centre.locator('[data-dialog="county-report"] [data-narrative]').waitFor();
    await centre.locator('[data-form="county-ack"] [name="comment"]').fill('请持续跟踪整改成效，下季度报告整改数据。');
    await centre.locator('[data-action="acknowledge"]').click();
    await centre.locator('[data-dialog="county-report"] [data-acknowledged]').waitFor();
    const acknowledged = (await (await apiAs(t, 'centreSupervisor')).get<Report>(`/api/v1/county-reports/${drafted.id}`)).body;
    expect(acknowledged.state).toBe('ACKNOWLEDGED');
    expect(acknowledged.guidance.map((g) => g.text)).toEqual(['请持续跟踪整改成效，下季度报告整改数据。']);
    expect(await centre.locator('[data-guidance-text]').allInnerTexts()).toEqual(['请持续跟踪整改成效，下季度报告整改数据。']);
    await centre.screenshot({ path: path.join(ARTIFACTS_DIR, 'console-county-report-1366x768.png') });

    // The due days: more than the API allows is refused at the field, in the API's words; 20 is kept.
    await centre.keyboard.press('Escape');
    await centre.locator('[data-dialog="county-report"]').waitFor({ state: 'hidden' });
    const settings = centre.locator('[data-form="county-settings"] [name="dueDaysAfterPeriodEnd"]');
    await settings.fill('100');
    await settings.blur();
    await centre.locator('[data-action="save-settings"]').click();
    const centreApi = await apiAs(t, 'centreSupervisor');
    const refused = await apiFieldErrors(centreApi, 'PUT', '/api/v1/county-reports/settings', { dueDaysAfterPeriodEnd: 100 });
    expect(await fieldErrorOf(centre, 'county-settings', 'dueDaysAfterPeriodEnd')).toBe(refused.dueDaysAfterPeriodEnd);
    expect((await centreApi.get<{ dueDaysAfterPeriodEnd: number }>('/api/v1/county-reports/settings')).body.dueDaysAfterPeriodEnd).toBe(15);
    await settings.fill('20');
    await settings.blur();
    await centre.locator('[data-action="save-settings"]').click();
    await centre.locator('.el-message--success', { hasText: '已保存报送期限' }).waitFor();
    expect((await centreApi.get<{ dueDaysAfterPeriodEnd: number }>('/api/v1/county-reports/settings')).body.dueDaysAfterPeriodEnd).toBe(20);
  });
});
