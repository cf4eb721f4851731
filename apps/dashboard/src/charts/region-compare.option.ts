import type { WallRegion } from '@app/contracts/realtime/wall';
import type { WallMessages } from '../i18n/messages';
import { BASE_TEXT, VALUE_AXIS_STYLE, WallChartOption } from './chart-types';
import { FONT_FAMILY, PALETTE } from './palette';

/** Today per district: accepted and in progress, side by side (the rotating panel's second face). */
export function regionCompareOption(regions: readonly WallRegion[], messages: WallMessages): WallChartOption {
  const bar = (id: string, name: string, colour: string, values: number[]) => ({
    id,
    type: 'bar' as const,
    name,
    barMaxWidth: 22,
    itemStyle: { color: colour, borderRadius: [4, 4, 0, 0] as [number, number, number, number] },
    label: { show: true, position: 'top' as const, color: PALETTE.text, fontSize: 14 },
    data: values,
  });
  return {
    textStyle: BASE_TEXT,
    animationDurationUpdate: 600,
    legend: {
      top: 0,
      right: 8,
      itemWidth: 18,
      itemHeight: 10,
      textStyle: { color: PALETTE.text, fontSize: 15, fontFamily: FONT_FAMILY },
      data: [messages.series.accepted, messages.series.inProgress],
    },
    grid: { left: 8, right: 8, top: 40, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: regions.map((r) => r.name),
      axisLabel: { ...VALUE_AXIS_STYLE.axisLabel, color: PALETTE.text, fontSize: 15 },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, ...VALUE_AXIS_STYLE },
    series: [
      bar('accepted-today', messages.series.accepted, PALETTE.accepted, regions.map((r) => r.acceptedToday)),
      bar('in-progress', messages.series.inProgress, PALETTE.inProgress, regions.map((r) => r.inProgress)),
    ],
  };
}
