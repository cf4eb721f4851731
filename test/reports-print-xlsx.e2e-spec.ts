import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { computeComplianceMetrics, DEFAULT_GRADING_SETTINGS, emptyMetricInputs, rankDepartments } from '@app/domain/reports';
import { QuarterlyPack, QuarterlyRow } from '../apps/api/src/reports/quarterly/quarterly-pack';
import { quarterlyHtml, quarterlyXlsx } from '../apps/api/src/reports/render/quarterly-renderers';
import { launchChromium } from './support/chromium';
import { pdfFontsAndCharacters } from './support/pdf-text';
import { ARTIFACTS_DIR } from './support/wall-build';

/**
 * The quarterly pack of a 60-department city as the renderers write it: read back with ExcelJS
 * (types, frozen panes) and printed by headless Chromium to A4 landscape. One department had no
 * cases this quarter: it is unrated and must read "—", not 0.
 */
function cityPack(): QuarterlyPack {
  const departments = Array.from({ length: 60 }, (_, i) => {
    const inputs = emptyMetricInputs();
    const accepted = i === 59 ? 0 : 20 + (i % 13);
    inputs.period.accepted = accepted;
    inputs.period.completed = accepted;
    inputs.period.completedOnTime = Math.max(0, accepted - (i % 7));
    inputs.period.completedPromisedLate = Math.min(accepted, i % 7);
    inputs.period.usedWorkingDays = accepted * 6;
    inputs.period.statutoryLimitDays = accepted * 20;
    inputs.period.promisedLimitDays = accepted * 10;
    inputs.period.promisedLimitCases = accepted;
    const name = i === 59 ? '新设机构服务中心' : `${['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区', '长乐区', '闽侯县', '连江县', '罗源县', '闽清县'][i % 10]}第${i + 1}市场监督管理所`;
    return { departmentCode: `D${String(i + 1).padStart(2, '0')}`, name, metrics: computeComplianceMetrics(inputs) };
  });
  const ranked = rankDepartments(departments.map((d) => ({ departmentCode: d.departmentCode, metrics: d.metrics, row: d })));
  const rows: QuarterlyRow[] = ranked.map((r) => ({ rank: r.rank, departmentCode: r.departmentCode, departmentName: r.row.name, regionCode: null, score: r.score, metrics: r.row.metrics }));
  return {
    quarter: '2026-Q3',
    period: { from: '2026-07-01', to: '2026-09-30' },
    generatedAt: '2026-10-01T01:30:00.000Z',
    trigger: 'quarter-end',
    grading: DEFAULT_GRADING_SETTINGS,
    rows,
    supervisionOrders: [
      { id: 'o1', departmentCode: 'D01', subject: '限期答复超时办件', issuedAt: '2026-08-03T02:15:00.000Z', dueOn: '2026-08-17', state: 'REPLIED', repliedAt: null, overdue: false },
    ],
    faults: [
      { id: 'f1', departmentCode: 'D02', officerId: 'O1', officerName: '李明', severity: 'MINOR', measure: 'CRITICISM', rule: 'STATUTORY_OVERDUE', committedOn: '2026-07-20', decidedOn: '2026-09-10', state: 'DECIDED' },
    ],
  };
}

describe('the quarterly pack at a city’s size: XLSX to compute with, HTML to print', () => {
  const pack = cityPack();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('writes numbers as numbers, dates as dates, "—" for the unrated, and freezes every header row', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await quarterlyXlsx(pack, 'zh')) as unknown as ArrayBuffer);
    const ranking = book.getWorksheet('排名')!;
    expect(ranking.rowCount).toBe(61);
    const header = (ranking.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const first = ranking.getRow(2);
    expect(typeof first.getCell(col('名次')).value).toBe('number');
    expect(typeof first.getCell(col('得分')).value).toBe('number');
    expect(typeof first.getCell(col('受理件数')).value).toBe('number');
    expect(typeof first.getCell(col('按期办结率')).value).toBe('number');
    expect(first.getCell(col('按期办结率')).numFmt).toBe('0.0%');
    const unrated = ranking.getRow(61);
    expect(unrated.getCell(col('部门')).value).toBe('新设机构服务中心');
    expect([unrated.getCell(col('名次')).value, unrated.getCell(col('得分')).value, unrated.getCell(col('等次')).value]).toEqual(['—', '—', '—']);

    for (const sheet of book.worksheets) {
      expect([sheet.name, sheet.views[0]?.state, (sheet.views[0] as { ySplit?: number }).ySplit]).toEqual([sheet.name, 'frozen', 1]);
    }
    expect((ranking.views[0] as { xSplit?: number }).xSplit).toBe(3);

    const orders = book.getWorksheet('督办')!;
    const issued = orders.getRow(2).getCell(3);
    expect(issued.value).toBeInstanceOf(Date);
    // 02:15 UTC is 10:15 in Beijing: the cell shows the reader's wall clock.
    expect((issued.value as Date).toISOString()).toBe('2026-08-03T10:15:00.000Z');
    expect(issued.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(orders.getRow(2).getCell(4).value).toEqual(new Date('2026-08-17T00:00:00Z'));
    const faults = book.getWorksheet('过错')!;
    expect(faults.getRow(2).getCell(6).value).toEqual(new Date('2026-07-20T00:00:00Z'));
    expect(faults.getRow(2).getCell(7).numFmt).toBe('yyyy-mm-dd');
  });

  it('prints to A4 landscape with every grade on one line and the unrated department as "—"', async () => {
    const page = await browser.newPage({ viewport: { width: 1123, height: 794 } });
    await page.setContent(await quarterlyHtml(pack, 'zh'));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(path.join(ARTIFACTS_DIR, 'quarterly-60-departments.pdf'), pdf);

    // Landscape: the first page's MediaBox is wider than tall (A4: 842 × 595 pt).
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box).not.toBeNull();
    expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
    expect([...pdfFontsAndCharacters(pdf).characters]).toEqual(expect.arrayContaining([...'等次—']));

    // Laid out at the printed page's width: one line of text per grade cell, and for the unrated row "—".
    // (A script string: the tests are type-checked without the DOM library.)
    const cells = await page.evaluate<{ text: string; lines: number; score: string }[]>(`(() => {
      const table = document.querySelectorAll('table')[0];
      const headers = [...table.querySelectorAll('th')].map((th) => th.textContent);
      const gradeAt = headers.indexOf('等次');
      return [...table.querySelectorAll('tbody tr')].map((tr) => {
        const cell = tr.children[gradeAt];
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lineHeight = parseFloat(getComputedStyle(cell).lineHeight);
        return { text: cell.textContent, lines: Math.round(range.getBoundingClientRect().height / lineHeight), score: tr.children[headers.indexOf('得分')].textContent };
      });
    })()`);
    expect(cells).toHaveLength(60);
    for (const cell of cells) expect(cell).toMatchObject({ lines: 1 });
    expect(cells.filter((c) => c.text === '良好' || c.text === '优秀' || c.text === '合格').length).toBeGreaterThan(0);
    expect(cells.at(-1)).toEqual({ text: '—', lines: 1, score: '—' });
    expect(await page.locator('p.note').first().innerText()).toContain('未评定');
    await page.close();
  });
});
