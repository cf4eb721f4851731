import type { WallDepartment } from '@app/contracts/realtime/wall';
import { formatPercent } from '../i18n/format';
import type { WallMessages } from '../i18n/messages';
import { departmentState, stateRank } from '../state/department-state';
import { BASE_TEXT, emptyMessage, VALUE_AXIS_STYLE, WallChartOption } from './chart-types';
import { PALETTE, rateColour } from './palette';

/** Rows that stay legible in the panel (≥ 20 px each at 1080p for 14 px names). */
export const RANKING_LIMIT = 10;

type RatedDepartment = WallDepartment & { onTimeRate: number };

/**
 * Departments with a rate, WORST first: the wall's ranking exists to show whom to look at, and a
 * city of 60 departments has dozens at 100 % that would hide the two that are not (issue 22).
 * Ties: the one with overdue cases now first, then more decisions (the rate weighs more), then code.
 */
export function rankDepartments(departments: readonly WallDepartment[]): RatedDepartment[] {
  return departments
    .filter((d): d is RatedDepartment => d.onTimeRate !== null)
    .sort(
      (a, b) =>
        a.onTimeRate - b.onTimeRate ||
        stateRank(departmentState(a)) - stateRank(departmentState(b)) ||
        b.decided - a.decided ||
        a.code.localeCompare(b.code),
    )
    .slice(0, RANKING_LIMIT);
}

export function rankingOption(departments: readonly WallDepartment[], messages: WallMessages): WallChartOption {
  const ranked = rankDepartments(departments);
  // A category axis runs bottom-up: reverse, so the worst department is on top.
  const rows = [...ranked].reverse();
  return {
    textStyle: BASE_TEXT,
    animationDurationUpdate: 800,
    aria: {
      enabled: true,
      label: { description: messages.aria.ranking + ranked.map((d) => `${d.name} ${formatPercent(d.onTimeRate)}`).join('；') },
    },
    grid: { left: 8, right: 64, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', min: 0, max: 1, show: false },
    yAxis: {
      type: 'category',
      data: rows.map((d) => d.name),
      // interval 0: every department named, whole (a district prefix and a bureau fit in 270 px at 14 px);
      // the rows are sized so the labels never collide.
      axisLabel: { ...VALUE_AXIS_STYLE.axisLabel, color: PALETTE.text, fontSize: 14, interval: 0, width: 270, overflow: 'truncate' },
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
