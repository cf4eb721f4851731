import { Box, layoutMarkers, layoutRegionBoxes, markerSize, TITLE_SHARE } from './region-layout';

const inside = (outer: { x0: number; y0: number; x1: number; y1: number }, p: { x: number; y: number }) =>
  p.x > outer.x0 && p.x < outer.x1 && p.y > outer.y0 && p.y < outer.y1;
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('region layout', () => {
  it.each([1, 2, 3, 5, 8, 13])('places %i districts inside the space without overlaps', (count) => {
    const boxes = layoutRegionBoxes(count);
    expect(boxes).toHaveLength(count);
    for (const box of boxes) {
      expect(box.x0).toBeGreaterThanOrEqual(0);
      expect(box.y0).toBeGreaterThanOrEqual(0);
      expect(box.x1).toBeLessThanOrEqual(100);
      expect(box.y1).toBeLessThanOrEqual(100);
      expect(box.x1).toBeGreaterThan(box.x0);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(false);
  });

  it('puts every marker inside its district, below the title', () => {
    const box = { x0: 10, y0: 20, x1: 40, y1: 90 };
    for (const count of [1, 4, 7, 12]) {
      const points = layoutMarkers(box, count);
      expect(points).toHaveLength(count);
      for (const p of points) {
        expect(inside(box, p)).toBe(true);
        expect(p.y).toBeGreaterThan(box.y0 + (box.y1 - box.y0) * TITLE_SHARE);
      }
      expect(new Set(points.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(count);
    }
  });

  it('sizes markers by workload, bounded at both ends', () => {
    expect(markerSize(0, 0)).toBe(16);
    expect(markerSize(0, 100)).toBe(16);
    expect(markerSize(100, 100)).toBe(38);
    expect(markerSize(25, 100)).toBe(27);
  });
});
