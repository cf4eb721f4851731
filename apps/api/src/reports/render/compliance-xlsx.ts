import ExcelJS from 'exceljs';
import { ComplianceReport } from '../compliance-report.service';
import { Lang, levelName, METRIC_ROWS, ruleName, t, ValueFormat } from './report-labels';
import { DATE_FORMAT, dayValue, formatColumn, freezeHeader } from './xlsx-cells';

const NUMBER_FORMATS: Record<ValueFormat, string> = { count: '0', rate: '0.0%', days: '0.0' };

/** Sheets: the figures (rates as real percentages), the days, the cards by rule, and per department. */
export async function complianceXlsx(report: ComplianceReport, lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'licensing-monitor';
  book.created = new Date(report.generatedAt);

  const figures = book.addWorksheet(lang === 'zh' ? '指标' : 'Metrics');
  figures.columns = [
    { header: t('metric', lang), key: 'label', width: 36 },
    { header: t('value', lang), key: 'value', width: 14 },
    { header: 'key', key: 'key', width: 34 },
  ];
  figures.addRow({ label: `${report.subject.name} ${report.period.from} — ${report.period.to}`, key: 'subject' });
  for (const row of METRIC_ROWS) {
    const added = figures.addRow({ label: row[lang], value: row.value(report.metrics), key: row.key });
    added.getCell('value').numFmt = NUMBER_FORMATS[row.format];
  }
  freezeHeader(figures);

  const daily = book.addWorksheet(lang === 'zh' ? '每日' : 'Daily');
  daily.columns = [
    { header: t('day', lang), key: 'day', width: 12 },
    { header: METRIC_ROWS[0][lang], key: 'accepted', width: 10 },
    { header: METRIC_ROWS[1][lang], key: 'completed', width: 10 },
    { header: METRIC_ROWS[2][lang], key: 'terminated', width: 10 },
  ];
  for (const d of report.daily) daily.addRow({ ...d, day: dayValue(d.day) });
  formatColumn(daily, 'day', DATE_FORMAT);
  freezeHeader(daily);

  const cards = book.addWorksheet(lang === 'zh' ? '预警' : 'Cards');
  cards.columns = [
    { header: t('rule', lang), key: 'rule', width: 28 },
    { header: levelName('PROMPT', lang), key: 'PROMPT', width: 10 },
    { header: levelName('YELLOW', lang), key: 'YELLOW', width: 10 },
    { header: levelName('RED', lang), key: 'RED', width: 10 },
    { header: 'code', key: 'code', width: 28 },
  ];
  for (const [rule, levels] of Object.entries(report.metrics.cards.byRule).sort(([a], [b]) => a.localeCompare(b))) {
    cards.addRow({ rule: ruleName(rule, lang), PROMPT: levels.PROMPT ?? 0, YELLOW: levels.YELLOW ?? 0, RED: levels.RED ?? 0, code: rule });
  }
  freezeHeader(cards);

  if (report.departments.length > 0) {
    const sheet = book.addWorksheet(lang === 'zh' ? '部门' : 'Departments');
    sheet.columns = [{ header: t('department', lang), key: 'name', width: 24 }, ...METRIC_ROWS.map((r) => ({ header: r[lang], key: r.key, width: 12 }))];
    for (const d of report.departments) {
      const added = sheet.addRow({ name: d.name, ...Object.fromEntries(METRIC_ROWS.map((r) => [r.key, r.value(d.metrics)])) });
      METRIC_ROWS.forEach((r) => (added.getCell(r.key).numFmt = NUMBER_FORMATS[r.format]));
    }
    freezeHeader(sheet, 1);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
