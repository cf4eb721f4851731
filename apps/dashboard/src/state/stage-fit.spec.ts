import { DESIGN_HEIGHT, DESIGN_WIDTH, fitStage } from './stage-fit';

describe('fitStage', () => {
  it.each([
    // viewport, dpr → scale, offsets, chart pixel ratio
    [1920, 1080, 1, 1, 0, 0, 1],
    [3840, 2160, 1, 2, 0, 0, 2],
    [1920, 1080, 2, 1, 0, 0, 2],
    [1280, 1024, 1, 2 / 3, 0, (1024 - 720) / 2, 1],
    [2560, 1080, 1, 1, 320, 0, 1],
  ])('fits %ix%i at dpr %i', (w, h, dpr, scale, offsetX, offsetY, ratio) => {
    const fit = fitStage(w, h, dpr);
    expect(fit.scale).toBeCloseTo(scale, 6);
    expect(fit.offsetX).toBeCloseTo(offsetX, 6);
    expect(fit.offsetY).toBeCloseTo(offsetY, 6);
    expect(fit.chartPixelRatio).toBeCloseTo(ratio, 6);
    expect(DESIGN_WIDTH * fit.scale).toBeLessThanOrEqual(w + 1e-9);
    expect(DESIGN_HEIGHT * fit.scale).toBeLessThanOrEqual(h + 1e-9);
  });

  it('never renders charts below one device pixel per CSS pixel', () => {
    expect(fitStage(960, 540, 1).chartPixelRatio).toBe(1);
  });
});
