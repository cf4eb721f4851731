import type { EChartsType } from 'echarts/core';
import type { WallChartOption } from '../charts/chart-types';
import { createChart } from '../charts/echarts-setup';

/**
 * One chart in one element. Owns its ECharts instance: re-creates it when the screen's scale
 * changes (a canvas's pixel ratio is fixed at creation) and disposes it exactly once.
 */
export class ChartPanel {
  private chart: EChartsType | null;
  private option: WallChartOption | null = null;
  private disposed = false;

  constructor(
    private readonly element: HTMLElement,
    pixelRatio: number,
  ) {
    this.chart = createChart(element, pixelRatio);
  }

  render(option: WallChartOption): void {
    if (this.disposed || !this.chart) return;
    this.option = option;
    // Series are replaced by id (gone ones removed, kept ones animated); lazy: one paint per frame.
    this.chart.setOption(option, { replaceMerge: ['series'], lazyUpdate: true });
  }

  rescale(pixelRatio: number): void {
    if (this.disposed) return;
    this.chart?.dispose();
    this.chart = createChart(this.element, pixelRatio);
    if (this.option) this.chart.setOption(this.option);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.chart?.dispose();
    this.chart = null;
    this.option = null;
  }
}
