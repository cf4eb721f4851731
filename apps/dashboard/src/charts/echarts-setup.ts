import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the wall draws, so the bundle carries nothing else (see chart-types.ts).
// Aria: every chart carries a description a screen reader (and a browser test) can read.
use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, GraphicComponent, MarkAreaComponent, AriaComponent, CanvasRenderer]);

export function createChart(element: HTMLElement, pixelRatio: number): EChartsType {
  return init(element, null, { renderer: 'canvas', devicePixelRatio: pixelRatio });
}
