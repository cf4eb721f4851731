/** The wall is designed at a fixed size and scaled to whatever screen shows it. */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

export interface StageFit {
  scale: number;
  offsetX: number;
  offsetY: number;
  /** Pixel ratio charts must render at to stay sharp once scaled (CSS scaling alone would blur canvases). */
  chartPixelRatio: number;
}

/** Pure: fit the design into the viewport, keeping its proportions, centred (letterboxed). */
export function fitStage(viewportWidth: number, viewportHeight: number, devicePixelRatio: number): StageFit {
  const scale = Math.min(viewportWidth / DESIGN_WIDTH, viewportHeight / DESIGN_HEIGHT);
  const safeScale = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return {
    scale: safeScale,
    offsetX: Math.max(0, (viewportWidth - DESIGN_WIDTH * safeScale) / 2),
    offsetY: Math.max(0, (viewportHeight - DESIGN_HEIGHT * safeScale) / 2),
    chartPixelRatio: Math.max(1, (devicePixelRatio || 1) * safeScale),
  };
}
