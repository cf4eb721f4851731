import type { WallRegion } from '@app/contracts/realtime/wall';
import type { WallMessages } from '../i18n/messages';
import { BASE_TEXT, VALUE_AXIS_STYLE, WallChartOption } from './chart-types';
import { FONT_FAMILY, PALETTE } from './palette';

/** Up to this many districts stand side by side; more lie down as rows, each name whole at 14 px. */
export const UPRIGHT_MAX = 6;

/** Today per district: accepted and in progress, side by side (the rotating panel's second face). */
export function regionCompareOption(regions: readonly WallRegion[], messages: WallMessages): WallChartOption {
  const upright = regions.length <= UPRIGHT_MAX;
  const ordered = (values: number[]) => (upright ? values : values.reverse());
  const bar = (id: string, name: string, colour: string, values: number[]) => ({
    id,
    type: 'bar' as const,
    name,
    barMaxWidth: upright ? 22 : 6,
    itemStyle: { color: colour, borderRadius: (upright ? [4, 4, 0, 0] : [0, 3, 3, 0]) },
    label: { show: true, position: upright ? ('top' as const) : ('right' as const), color: PALETTE.text, fontSize: upright ? 14 : 12 },
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
    aria: { enabled: true },
    grid: { left: 8, right: upright ? 8 : 32, top: upright ? 40 : 30, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    [upright ? 'xAxis' : 'yAxis']: {
      type: 'category',
      // Rows run bottom-up: reversed, the first district is on top.
      data: upright ? regions.map((r) => r.name) : regions.map((r) => r.name).reverse(),
      axisLabel: { ...VALUE_AXIS_STYLE.axisLabel, color: PALETTE.text, fontSize: upright ? 15 : 14, interval: 0 },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
    },
    [upright ? 'yAxis' : 'xAxis']: { type: 'value', minInterval: 1, ...VALUE_AXIS_STYLE, ...(upright ? {} : { axisLabel: { show: false } }) },
    series: [
      bar('accepted-today', messages.series.accepted, PALETTE.accepted, ordered(regions.map((r) => r.acceptedToday))),
      bar('in-progress', messages.series.inProgress, PALETTE.inProgress, ordered(regions.map((r) => r.inProgress))),
    ],
  };
}
