import type { EChartsType } from 'echarts/core';
import type { WallChartOption } from '../charts/chart-types';
import { ChartUpdates } from '../charts/chart-updates';
import { createChart } from '../charts/echarts-setup';

/**
 * One chart in one element. Owns its ECharts instance: re-creates it when the screen's scale
 * changes (a canvas's pixel ratio is fixed at creation) and disposes it exactly once. Redraws only
 * what changed, at a bounded pace, animated only after a calm spell (ChartUpdates).
 */
export class ChartPanel {
  private chart: EChartsType | null;
  private option: WallChartOption | null = null;
  private pending: WallChartOption | null = null;
  private timer: number | undefined;
  private readonly updates = new ChartUpdates();
  private disposed = false;

  constructor(
    private readonly element: HTMLElement,
    pixelRatio: number,
  ) {
    this.chart = createChart(element, pixelRatio);
  }

  /** Shows `option`, at once or, right after another redraw, a moment later (the latest wins). */
  render(option: WallChartOption): void {
    if (this.disposed || !this.chart) return;
    this.pending = option;
    if (this.timer !== undefined) return;
    const wait = this.updates.waitBeforeDraw(performance.now());
    if (wait === 0) this.draw();
    else this.timer = window.setTimeout(() => this.draw(), wait);
  }

  private draw(): void {
    this.timer = undefined;
    const option = this.pending;
    this.pending = null;
    if (this.disposed || !this.chart || !option) return;
    const update = this.updates.next(option, performance.now());
    if (!update) return;
    this.option = { ...option, animation: update.animate };
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
    window.clearTimeout(this.timer);
    this.pending = null;
    this.chart?.dispose();
    this.chart = null;
    this.option = null;
  }
}
