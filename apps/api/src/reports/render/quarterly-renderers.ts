import { formatReportTime } from './report-time';
import ExcelJS from 'exceljs';
import { QuarterlyPack } from '../quarterly/quarterly-pack';
import { toCsv } from './csv';
import { escapeHtml, figure, page, table } from './html-page';
import { RANKING_COLUMNS } from './quarterly-columns';
import { renderSvg, scoreChartOption } from './report-charts';
import { formatValue, Lang, levelName, registerName, ruleName, t } from './report-labels';
import { beijingValue, DATE_FORMAT, DATE_TIME_FORMAT, dayValue, formatColumn, freezeHeader } from './xlsx-cells';

const text = (value: string | number | null, format: string): string =>
  format === 'text' ? String(value ?? '') : formatValue(value as number | null, format as 'count' | 'rate' | 'days');

export function quarterlyCsv(pack: QuarterlyPack, lang: Lang): string {
  return toCsv([RANKING_COLUMNS.map((c) => c[lang]), ...pack.rows.map((row) => RANKING_COLUMNS.map((c) => c.value(row, lang)))]);
}

/** Sheets: ranking, the quarter's cards by rule, supervision orders, faults. */
export async function quarterlyXlsx(pack: QuarterlyPack, lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(pack.generatedAt);
  const ranking = book.addWorksheet(lang === 'zh' ? '排名' : 'Ranking');
  ranking.columns = RANKING_COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: c.key === 'departmentName' ? 24 : 12 }));
  for (const row of pack.rows) {
    // Figures stay numbers; a figure there is none of (an unrated department's rank and score) reads "—".
    const added = ranking.addRow(Object.fromEntries(RANKING_COLUMNS.map((c) => [c.key, c.value(row, lang) ?? '—'])));
    for (const c of RANKING_COLUMNS) if (c.format === 'rate') added.getCell(c.key).numFmt = '0.0%';
    for (const c of RANKING_COLUMNS) if (c.format === 'days') added.getCell(c.key).numFmt = '0.0';
  }
  freezeHeader(ranking, 3);
  const cards = book.addWorksheet(lang === 'zh' ? '预警' : 'Cards');
  cards.columns = [
    { header: t('department', lang), key: 'department', width: 24 },
    { header: t('rule', lang), key: 'rule', width: 24 },
    ...['PROMPT', 'YELLOW', 'RED'].map((l) => ({ header: levelName(l, lang), key: l, width: 10 })),
  ];
  for (const row of pack.rows) {
    for (const [rule, levels] of Object.entries(row.metrics.cards.byRule)) cards.addRow({ department: row.departmentName, rule: ruleName(rule, lang), ...levels });
  }
  freezeHeader(cards, 1);
  const orders = book.addWorksheet(lang === 'zh' ? '督办' : 'Orders');
  orders.columns = [
    { header: t('department', lang), key: 'departmentCode', width: 12 },
    { header: t('subject', lang), key: 'subject', width: 40 },
    { header: t('issuedAt', lang), key: 'issuedAt', width: 22 },
    { header: t('dueOn', lang), key: 'dueOn', width: 12 },
    { header: t('state', lang), key: 'state', width: 10 },
    { header: t('overdue', lang), key: 'overdue', width: 8 },
  ];
  for (const o of pack.supervisionOrders) {
    orders.addRow({ ...o, issuedAt: beijingValue(o.issuedAt), dueOn: dayValue(o.dueOn), overdue: o.overdue ? t('yes', lang) : t('no', lang) });
  }
  formatColumn(orders, 'issuedAt', DATE_TIME_FORMAT);
  formatColumn(orders, 'dueOn', DATE_FORMAT);
  freezeHeader(orders);
  const faults = book.addWorksheet(lang === 'zh' ? '过错' : 'Faults');
  faults.columns = [
    { header: t('department', lang), key: 'departmentCode', width: 12 },
    { header: t('officer', lang), key: 'officerName', width: 14 },
    { header: t('severity', lang), key: 'severity', width: 12 },
    { header: t('measure', lang), key: 'measure', width: 16 },
    { header: t('rule', lang), key: 'rule', width: 22 },
    { header: t('committedOn', lang), key: 'committedOn', width: 12 },
    { header: t('decidedOn', lang), key: 'decidedOn', width: 12 },
  ];
  for (const f of pack.faults) {
    faults.addRow({
      ...f,
      severity: registerName(f.severity, lang),
      measure: registerName(f.measure, lang),
      rule: f.rule ? ruleName(f.rule, lang) : '',
      committedOn: dayValue(f.committedOn),
      decidedOn: dayValue(f.decidedOn),
    });
  }
  formatColumn(faults, 'committedOn', DATE_FORMAT);
  formatColumn(faults, 'decidedOn', DATE_FORMAT);
  freezeHeader(faults);
  const talks = book.addWorksheet(lang === 'zh' ? '警醒谈话' : 'Warning talks');
  talks.columns = [
    { header: t('department', lang), key: 'departmentName', width: 24 },
    { header: t('officers', lang), key: 'officers', width: 10 },
    { header: t('talkedTo', lang), key: 'talkedTo', width: 10 },
    { header: t('coverage', lang), key: 'coverage', width: 10, style: { numFmt: '0.0%' } },
  ];
  for (const d of pack.warningTalks?.belowFullCoverage ?? []) talks.addRow(d);
  freezeHeader(talks);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function quarterlyHtml(pack: QuarterlyPack, lang: Lang): Promise<string> {
  const title = `${pack.quarter} · ${t('quarterlyTitle', lang)}`;
  const chart = await renderSvg(scoreChartOption(pack.rows.map((r) => r.departmentName), pack.rows.map((r) => r.score.score)), 720, Math.max(120, 28 * pack.rows.length + 40));
  const ranking = table(RANKING_COLUMNS.map((c) => c[lang]), pack.rows.map((row) => RANKING_COLUMNS.map((c) => text(c.value(row, lang), c.format))), 3);
  const orders = pack.supervisionOrders.length === 0
    ? `<p>${t('none', lang)}</p>`
    : table([t('department', lang), t('subject', lang), t('dueOn', lang), t('state', lang), t('overdue', lang)],
        pack.supervisionOrders.map((o) => [o.departmentCode, o.subject, o.dueOn, o.state, o.overdue ? t('yes', lang) : t('no', lang)]), 9);
  const faults = pack.faults.length === 0
    ? `<p>${t('none', lang)}</p>`
    : table([t('department', lang), t('officer', lang), t('severity', lang), t('measure', lang), t('committedOn', lang), t('decidedOn', lang)],
        pack.faults.map((f) => [f.departmentCode, f.officerName, registerName(f.severity, lang), registerName(f.measure, lang), f.committedOn ?? '', f.decidedOn]), 9);
  const below = pack.warningTalks?.belowFullCoverage ?? [];
  const talks = below.length === 0
    ? `<p>${t('none', lang)}</p>`
    : table([t('department', lang), t('officers', lang), t('talkedTo', lang), t('coverage', lang)],
        below.map((d) => [d.departmentName, String(d.officers), String(d.talkedTo), formatValue(d.coverage, 'rate')]), 9);
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<div class="meta">${t('period', lang)}：${pack.period.from} — ${pack.period.to} · ${t('generatedAt', lang)}：${escapeHtml(formatReportTime(pack.generatedAt, lang))}</div>`,
    figure(chart, t('scoreChart', lang)),
    `<h2>${t('score', lang)} · ${t('grade', lang)}</h2>`,
    ranking,
    pack.rows.some((r) => r.score.grade === null) ? `<p class="note">${escapeHtml(t('notRated', lang))}</p>` : '',
    `<h2>${t('orders', lang)}</h2>`,
    orders,
    `<h2>${t('faults', lang)}</h2>`,
    faults,
    `<h2>${t('warningTalks', lang)}${pack.warningTalks ? ` · ${pack.warningTalks.year}` : ''}</h2>`,
    talks,
    `<p class="note">${escapeHtml(t('definitions', lang))}</p>`,
  ].join('\n');
  return page(lang, title, body, 'landscape');
}
