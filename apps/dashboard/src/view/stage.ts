import { DESIGN_HEIGHT, DESIGN_WIDTH, fitStage, StageFit } from '../state/stage-fit';

/** Scales the fixed design to the window and reports when charts must re-render sharper or smaller. */
export class Stage {
  private fit: StageFit;
  private timer: number | undefined;
  private readonly onResize = () => {
    window.clearTimeout(this.timer);
    // Resizes come in bursts; re-creating charts once at the end is enough.
    this.timer = window.setTimeout(() => this.apply(), 200);
  };

  constructor(
    private readonly stage: HTMLElement,
    private readonly onRescale: (fit: StageFit) => void,
  ) {
    stage.style.width = `${DESIGN_WIDTH}px`;
    stage.style.height = `${DESIGN_HEIGHT}px`;
    this.fit = this.place();
    window.addEventListener('resize', this.onResize);
  }

  get pixelRatio(): number {
    return this.fit.chartPixelRatio;
  }

  dispose(): void {
    window.removeEventListener('resize', this.onResize);
    window.clearTimeout(this.timer);
  }

  private apply(): void {
    const before = this.fit.chartPixelRatio;
    this.fit = this.place();
    if (Math.abs(this.fit.chartPixelRatio - before) > 0.01) this.onRescale(this.fit);
  }

  private place(): StageFit {
    const fit = fitStage(window.innerWidth, window.innerHeight, window.devicePixelRatio);
    this.stage.style.transform = `translate(${fit.offsetX}px, ${fit.offsetY}px) scale(${fit.scale})`;
    return fit;
  }
}
