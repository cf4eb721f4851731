import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GraphicComponentOption, GridComponentOption, LegendComponentOption, MarkAreaComponentOption } from 'echarts/components';
import { FONT_FAMILY, PALETTE } from './palette';

/** Only the parts the wall uses; echarts-setup.ts registers exactly these. Types only: no runtime. */
export type WallChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | GraphicComponentOption
  | MarkAreaComponentOption
  | AriaComponentOption
>;

export const BASE_TEXT = Object.freeze({ color: PALETTE.text, fontFamily: FONT_FAMILY, fontSize: 16 });

/**
 * A centred message that is always present and only toggled, so that merging a later option (with
 * data) hides it instead of leaving it behind.
 */
export function emptyMessage(text: string, visible: boolean): GraphicComponentOption {
  return {
    elements: [
      {
        id: 'empty-message',
        type: 'text',
        left: 'center',
        top: 'middle',
        invisible: !visible,
        silent: true,
        style: { text, fill: PALETTE.muted, font: `20px ${FONT_FAMILY}`, align: 'center', lineHeight: 32 },
      },
    ],
  };
}

/** Gridlines and axes that read on a dark wall from across the room. */
export const VALUE_AXIS_STYLE = Object.freeze({
  axisLabel: { color: PALETTE.muted, fontSize: 14, fontFamily: FONT_FAMILY },
  splitLine: { lineStyle: { color: PALETTE.grid, type: 'dashed' as const } },
  axisLine: { show: false },
  axisTick: { show: false },
});
