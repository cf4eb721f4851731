/** A rectangle in the schematic's 0–100 × 0–100 space (y grows downwards). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Point {
  x: number;
  y: number;
}

const GAP = 2.5;

/**
 * Districts as a grid of boxes filling the space, wider than tall like the panel: a schematic,
 * not a map, so it needs no map data and any number of districts fits.
 */
export function layoutRegionBoxes(count: number, aspect = 16 / 9): Box[] {
  if (count <= 0) return [];
  const columns = Math.min(count, Math.max(1, Math.round(Math.sqrt(count * aspect))));
  const rows = Math.ceil(count / columns);
  const width = (100 - GAP * (columns + 1)) / columns;
  const height = (100 - GAP * (rows + 1)) / rows;
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / columns);
    // The last row is centred when it is not full.
    const inRow = row === rows - 1 ? count - row * columns : columns;
    const shift = ((columns - inRow) * (width + GAP)) / 2;
    const column = i % columns;
    const x0 = GAP + shift + column * (width + GAP);
    const y0 = GAP + row * (height + GAP);
    return { x0, y0, x1: x0 + width, y1: y0 + height };
  });
}

/** Share of a box's height kept for its title lines. */
export const TITLE_SHARE = 0.34;

/** The grid the markers of a box sit in, below its title. */
export function markerGrid(box: Box, count: number, titleShare = TITLE_SHARE): { top: number; columns: number; rows: number } {
  const top = box.y0 + (box.y1 - box.y0) * titleShare;
  const width = box.x1 - box.x0;
  const height = box.y1 - top;
  const columns = Math.max(1, Math.min(count, Math.round(Math.sqrt((count * width) / Math.max(height, 1)))));
  return { top, columns, rows: Math.ceil(count / columns) };
}

/** Department markers spread evenly below the box's title. */
export function layoutMarkers(box: Box, count: number, titleShare = TITLE_SHARE): Point[] {
  if (count <= 0) return [];
  const { top, columns, rows } = markerGrid(box, count, titleShare);
  const width = box.x1 - box.x0;
  const height = box.y1 - top;
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / columns);
    const inRow = row === rows - 1 ? count - row * columns : columns;
    const column = i % columns;
    return {
      x: box.x0 + (width * (column + 0.5 + (columns - inRow) / 2)) / columns,
      y: top + (height * (row + 0.4)) / rows,
    };
  });
}

/** Marker size grows with a department's open workload; square root so one giant does not dwarf all. */
export function markerSize(inProgress: number, maxInProgress: number, scale = 1): number {
  if (maxInProgress <= 0) return Math.round(16 * scale);
  return Math.round((16 + 22 * Math.sqrt(Math.max(0, inProgress) / maxInProgress)) * scale);
}
