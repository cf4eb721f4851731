import type { WallTrendDay } from '@app/contracts/realtime/wall';
import { shortDay } from '../i18n/format';
import type { WallMessages } from '../i18n/messages';
import { BASE_TEXT, VALUE_AXIS_STYLE, WallChartOption } from './chart-types';
import { FONT_FAMILY, PALETTE } from './palette';

function line(id: string, name: string, colour: string, values: number[], area: boolean) {
  return {
    id,
    type: 'line' as const,
    name,
    data: values,
    // Counts never dip below zero, so the curve must not either (monotone along x).
    smooth: 0.3,
    smoothMonotone: 'x' as const,
    symbol: 'circle',
    symbolSize: 6,
    showSymbol: false,
    lineStyle: { width: 3, color: colour },
    itemStyle: { color: colour },
    ...(area
      ? {
          areaStyle: {
            color: {
              type: 'linear' as const,
              x: 0,
              y: 0,
              x2: 0,
              y2: 1,
              colorStops: [
                { offset: 0, color: `${colour}66` },
                { offset: 1, color: `${colour}00` },
              ],
            },
          },
        }
      : {}),
  };
}

/** 30 days, oldest first: accepted, completed and overdue, one line each. */
export function trendOption(trend: readonly WallTrendDay[], messages: WallMessages): WallChartOption {
  return {
    textStyle: BASE_TEXT,
    animationDurationUpdate: 600,
    legend: {
      top: 0,
      right: 8,
      itemWidth: 18,
      itemHeight: 10,
      textStyle: { color: PALETTE.text, fontSize: 15, fontFamily: FONT_FAMILY },
      data: [messages.series.accepted, messages.series.completed, messages.series.overdue],
    },
    grid: { left: 8, right: 24, top: 36, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: trend.map((d) => shortDay(d.day)),
      axisLabel: { ...VALUE_AXIS_STYLE.axisLabel, interval: 4 },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, ...VALUE_AXIS_STYLE },
    series: [
      line('accepted', messages.series.accepted, PALETTE.accepted, trend.map((d) => d.accepted), true),
      line('completed', messages.series.completed, PALETTE.completed, trend.map((d) => d.completed), false),
      line('overdue', messages.series.overdue, PALETTE.overdue, trend.map((d) => d.overdue), false),
    ],
  };
}
