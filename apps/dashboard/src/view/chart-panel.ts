import type { EChartsType } from 'echarts/core';
import type { WallChartOption } from '../charts/chart-types';
import { ChartUpdates } from '../charts/chart-updates';
import { createChart } from '../charts/echarts-setup';

/**
 * One chart in one element. Owns its ECharts instance: re-creates it when the screen's scale
 * changes (a canvas's pixel ratio is fixed at creation) and disposes it exactly once. Redraws only
 * what changed, animated only after a calm spell (ChartUpdates).
 */
export class ChartPanel {
  private chart: EChartsType | null;
  private option: WallChartOption | null = null;
  private readonly updates = new ChartUpdates();
  private disposed = false;

  constructor(
    private readonly element: HTMLElement,
    pixelRatio: number,
  ) {
    this.chart = createChart(element, pixelRatio);
  }

  /**
   * Shows `option` now. The app paces its frames (WallApp): a chart drawing on its own later
   * would show another moment than the figures beside it (issue 22: districts ≠ headline).
   */
  render(option: WallChartOption): void {
    if (this.disposed || !this.chart) return;
    const update = this.updates.next(option, performance.now());
    if (!update) return;
    // Every chart describes itself to screen readers (ECharts' aria), with the builder's own words if it has them.
    this.option = { ...option, aria: option.aria ?? { enabled: true }, animation: update.animate };
    // Series are replaced by id (gone ones removed, kept ones animated); lazy: one paint per frame.
    this.chart.setOption(this.option, { replaceMerge: ['series'], lazyUpdate: true });
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
