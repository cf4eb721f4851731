import { Logger } from '@nestjs/common';

type EChartsModule = typeof import('echarts');

let loaded: Promise<EChartsModule | null> | null = null;

/**
 * ECharts, loaded on first use. It renders server-side to SVG (no DOM, no canvas); when it is not
 * installed (a production image pruned of dev dependencies) the reports are still produced, with
 * tables and without charts.
 */
function echarts(): Promise<EChartsModule | null> {
  loaded ??= import('echarts').catch((error: Error) => {
    new Logger('ReportCharts').warn(`charts disabled: echarts not available (${error.message})`);
    return null;
  });
  return loaded;
}

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

/** Renders one chart option to an SVG string (null when charts are unavailable). */
export async function renderSvg(option: Record<string, unknown>, width: number, height: number): Promise<string | null> {
  const lib = await echarts();
  if (!lib) return null;
  const chart = lib.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function dailyChartOption(days: string[], accepted: number[], completed: number[], labels: { accepted: string; completed: string }) {
  return {
    grid: { left: 40, right: 16, top: 36, bottom: 40 },
    legend: { top: 4, data: [labels.accepted, labels.completed] },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.accepted, type: 'bar', data: accepted, itemStyle: { color: '#3b7dd8' } },
      { name: labels.completed, type: 'line', data: completed, itemStyle: { color: '#2e9e5b' } },
    ],
  };
}

export function levelChartOption(levels: { name: string; value: number; color: string }[]) {
  return {
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b}\n{c}' },
        data: levels.map((l) => ({ name: l.name, value: l.value, itemStyle: { color: l.color } })),
      },
    ],
  };
}

export function scoreChartOption(names: string[], scores: (number | null)[]) {
  return {
    grid: { left: 140, right: 40, top: 10, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 11 } },
    // '-' is ECharts' missing value: an unrated department gets no bar, not a 0 bar.
    series: [{ type: 'bar', data: scores.map((s) => s ?? '-'), label: { show: true, position: 'right' }, itemStyle: { color: '#3b7dd8' } }],
  };
}
