import { ComplianceReport } from '../compliance-report.service';
import { toCsv } from './csv';
import { Lang, METRIC_ROWS, t } from './report-labels';

/** One row per figure: key, label, value (rates as fractions, so they stay exact). */
export function complianceCsv(report: ComplianceReport, lang: Lang): string {
  const rows: (string | number | null)[][] = [['key', t('metric', lang), t('value', lang)]];
  rows.push(['subject', t('department', lang), report.subject.name], ['from', t('period', lang), report.period.from], ['to', t('period', lang), report.period.to]);
  for (const row of METRIC_ROWS) rows.push([row.key, row[lang], row.value(report.metrics)]);
  return toCsv(rows);
}
