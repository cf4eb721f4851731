import type { ComplianceReport } from './reports-api';

/** Labels the chart options need, in the page's language. */
export interface ChartLabels {
  accepted: string;
  completed: string;
  onTime: string;
  overdue: string;
}

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Accepted and completed per day over the period (every day present, zeros included). */
export function dailyOption(report: ComplianceReport, labels: ChartLabels) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 4 },
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: report.daily.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.accepted, type: 'line', showSymbol: false, data: report.daily.map((d) => d.accepted) },
      { name: labels.completed, type: 'line', showSymbol: false, data: report.daily.map((d) => d.completed) },
    ],
  };
}

/** On-time and (promised) overdue rates per department, in percent; departments with nothing to rate show no bar. */
export function departmentsOption(report: ComplianceReport, labels: ChartLabels) {
  const rows = [...report.departments].sort((a, b) => (b.metrics.onTime.rate ?? -1) - (a.metrics.onTime.rate ?? -1));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    legend: { top: 4 },
    grid: { left: 44, right: 16, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: labels.onTime, type: 'bar', data: rows.map((r) => pct(r.metrics.onTime.rate)), itemStyle: { color: '#2e9d5b' } },
      { name: labels.overdue, type: 'bar', data: rows.map((r) => pct(r.metrics.overdue.promised.rate)), itemStyle: { color: '#d0021b' } },
    ],
  };
}
