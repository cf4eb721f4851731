import type { WallDepartment } from '@app/contracts/realtime/wall';
import { formatPercent } from '../i18n/format';
import type { WallMessages } from '../i18n/messages';
import { BASE_TEXT, emptyMessage, VALUE_AXIS_STYLE, WallChartOption } from './chart-types';
import { PALETTE, rateColour } from './palette';

/** Rows that stay legible in the panel; the tiles below show every department. */
export const RANKING_LIMIT = 10;

/** Departments with a rate, best first; ties: more decisions first, then code (stable on screen). */
type RatedDepartment = WallDepartment & { onTimeRate: number };

export function rankDepartments(departments: readonly WallDepartment[]): RatedDepartment[] {
  return departments
    .filter((d): d is RatedDepartment => d.onTimeRate !== null)
    .sort((a, b) => b.onTimeRate - a.onTimeRate || b.decided - a.decided || a.code.localeCompare(b.code))
    .slice(0, RANKING_LIMIT);
}

export function rankingOption(departments: readonly WallDepartment[], messages: WallMessages): WallChartOption {
  // A category axis runs bottom-up: reverse, so the best department is on top.
  const rows = rankDepartments(departments).reverse();
  return {
    textStyle: BASE_TEXT,
    animationDurationUpdate: 800,
    grid: { left: 8, right: 72, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', min: 0, max: 1, show: false },
    yAxis: {
      type: 'category',
      data: rows.map((d) => d.name),
      // interval 0: every department named; the rows are sized so the labels never collide.
      axisLabel: { ...VALUE_AXIS_STYLE.axisLabel, color: PALETTE.text, fontSize: 14, interval: 0, width: 190, overflow: 'truncate' },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        id: 'on-time-rate',
        type: 'bar',
        name: messages.series.onTime,
        barWidth: 12,
        showBackground: true,
        backgroundStyle: { color: 'rgba(120, 170, 220, 0.08)', borderRadius: 6 },
        itemStyle: { borderRadius: 6 },
        label: { show: true, position: 'right', color: PALETTE.text, fontSize: 14 },
        data: rows.map((d) => ({
          value: d.onTimeRate,
          itemStyle: { color: rateColour(d.onTimeRate) },
          // A literal per bar: the builder stays data-only, with no formatter callbacks to test.
          label: { formatter: formatPercent(d.onTimeRate) },
        })),
      },
    ],
    graphic: emptyMessage(messages.noDecisions, rows.length === 0),
  };
}
