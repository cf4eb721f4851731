import { formatReportTime } from './report-time';
import { ComplianceReport } from '../compliance-report.service';
import { dailyChartOption, levelChartOption, renderSvg } from './report-charts';
import { escapeHtml, figure, page, table } from './html-page';
import { formatValue, Lang, levelName, METRIC_ROWS, ruleName, t, TextKey } from './report-labels';

const SECTIONS: { title: TextKey; keys: string[] }[] = [
  { title: 'cases', keys: ['accepted', 'completed', 'terminated', 'inProgressAtStart', 'inProgressAtEnd', 'immediate.rate', 'submissions', 'suspensions', 'corrections'] },
  {
    title: 'timeliness',
    keys: [
      'onTime.count', 'onTime.rate', 'early.count', 'early.rate', 'overdue.promised.count', 'overdue.promised.rate', 'overdue.statutory.count',
      'overdue.statutory.rate', 'workingDays.averageUsed', 'workingDays.averagePromisedLimit', 'workingDays.averageStatutoryLimit', 'promisedLimitCompression.rate',
    ],
  },
  {
    title: 'timelinessSplit',
    keys: [
      'timeliness.promised.early.count', 'timeliness.promised.early.rate', 'timeliness.promised.onTime.count', 'timeliness.promised.onTime.rate', 'timeliness.promised.late.count', 'timeliness.promised.late.rate', 'timeliness.statutory.early.count', 'timeliness.statutory.early.rate', 'timeliness.statutory.onTime.count', 'timeliness.statutory.onTime.rate', 'timeliness.statutory.late.count', 'timeliness.statutory.late.rate', 'speedUp.promised', 'speedUp.actual',
    ],
  },
  { title: 'cards', keys: ['cards.total', 'cards.PROMPT', 'cards.YELLOW', 'cards.RED', 'cards.rectifiedOnTimeRate', 'cards.revoked'] },
  { title: 'oversight', keys: ['complaints.received', 'complaints.overdue', 'supervisionOrders.issued', 'supervisionOrders.overdue', 'faults.total'] },
  { title: 'reporting', keys: ['reporting.timelyRate', 'reporting.late'] },
];

const TILES = ['accepted', 'completed', 'inProgressAtEnd', 'onTime.rate', 'overdue.statutory.count'];

const ROWS = new Map(METRIC_ROWS.map((row) => [row.key, row]));

/** The printable compliance report: tiles, tables per section, ECharts SVG charts, definitions. */
export async function complianceHtml(report: ComplianceReport, lang: Lang): Promise<string> {
  const m = report.metrics;
  const label = (key: string) => ROWS.get(key)![lang];
  const shown = (key: string) => formatValue(ROWS.get(key)!.value(m), ROWS.get(key)!.format);
  const title = `${report.subject.name} · ${t('departmentTitle', lang)}`;
  const [daily, levels] = await Promise.all([
    renderSvg(
      dailyChartOption(report.daily.map((d) => d.day), report.daily.map((d) => d.accepted), report.daily.map((d) => d.completed), {
        accepted: label('accepted'),
        completed: label('completed'),
      }),
      720,
      260,
    ),
    m.cards.total === 0
      ? Promise.resolve(null)
      : renderSvg(
          levelChartOption([
            { name: levelName('PROMPT', lang), value: m.cards.byLevel.PROMPT ?? 0, color: '#5b8ff9' },
            { name: levelName('YELLOW', lang), value: m.cards.byLevel.YELLOW ?? 0, color: '#f6bd16' },
            { name: levelName('RED', lang), value: m.cards.byLevel.RED ?? 0, color: '#e8684a' },
          ]),
          360,
          220,
        ),
  ]);
  const parts = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<div class="meta">${t('period', lang)}：${report.period.from} — ${report.period.to} · ${t('generatedAt', lang)}：${escapeHtml(formatReportTime(report.generatedAt, lang))}</div>`,
    `<div class="tiles">${TILES.map((k) => `<div class="tile"><b>${escapeHtml(shown(k))}</b><span>${escapeHtml(label(k))}</span></div>`).join('')}</div>`,
    figure(daily, t('dailyChart', lang)),
  ];
  for (const section of SECTIONS) {
    parts.push(`<h2>${t(section.title, lang)}</h2>`, table([t('metric', lang), t('value', lang)], section.keys.map((k) => [label(k), shown(k)])));
    if (section.title === 'cards') parts.push(figure(levels, t('levelChart', lang)), cardsByRule(report, lang));
  }
  if (report.departments.length > 0) parts.push(`<h2>${t('departments', lang)}</h2>`, departmentsTable(report, lang));
  parts.push(`<p class="note">${escapeHtml(t('definitions', lang))}</p>`);
  return page(lang, title, parts.join('\n'));
}

function cardsByRule(report: ComplianceReport, lang: Lang): string {
  const rules = Object.entries(report.metrics.cards.byRule).sort(([a], [b]) => a.localeCompare(b));
  if (rules.length === 0) return '';
  const rows = rules.map(([rule, levels]) => {
    const counts = ['PROMPT', 'YELLOW', 'RED'].map((l) => levels[l] ?? 0);
    return [ruleName(rule, lang), ...counts, counts.reduce((a, b) => a + b, 0)];
  });
  return table([t('rule', lang), levelName('PROMPT', lang), levelName('YELLOW', lang), levelName('RED', lang), t('total', lang)], rows);
}

function departmentsTable(report: ComplianceReport, lang: Lang): string {
  const keys = ['accepted', 'completed', 'inProgressAtEnd', 'onTime.rate', 'overdue.statutory.count', 'cards.total'];
  const rows = report.departments.map((d) => [d.name, ...keys.map((k) => formatValue(ROWS.get(k)!.value(d.metrics), ROWS.get(k)!.format))]);
  return table([t('department', lang), ...keys.map((k) => ROWS.get(k)![lang])], rows);
}
