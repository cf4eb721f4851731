import type { WallDepartment, WallRegion } from '@app/contracts/realtime/wall';
import { formatPercent, withoutRegionPrefix } from '../i18n/format';
import { el, setText } from './dom';

interface Tile {
  root: HTMLElement;
  name: HTMLElement;
  detail: HTMLElement;
}

/** Columns for n tiles in the panel, so any number of departments fits without scrolling. */
export function tileColumns(count: number): number {
  if (count <= 12) return 3;
  if (count <= 20) return 4;
  if (count <= 30) return 5;
  return 6;
}

/** Tiles of one district side by side, so a name without its district prefix is still unambiguous. */
const byRegionThenCode = (a: WallDepartment, b: WallDepartment): number =>
  (a.regionCode ?? '\uffff').localeCompare(b.regionCode ?? '\uffff') || a.code.localeCompare(b.code);

/**
 * A tile per department, lit by its worst open card (neutral while cards are not measured): the
 * department's name, its district and its on-time rate.
 */
export class DepartmentTiles {
  private readonly tiles = new Map<string, Tile>();

  constructor(private readonly container: HTMLElement) {}

  render(unordered: readonly WallDepartment[], regions: readonly WallRegion[], cardsMeasured: boolean): void {
    const departments = [...unordered].sort(byRegionThenCode);
    const regionNames = new Map(regions.map((r) => [r.code, r.name]));
    const wanted = new Set(departments.map((d) => d.code));
    for (const [code, tile] of this.tiles) {
      if (!wanted.has(code)) {
        tile.root.remove();
        this.tiles.delete(code);
      }
    }
    const columns = tileColumns(departments.length);
    this.container.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    this.container.style.gridTemplateRows = `repeat(${Math.max(1, Math.ceil(departments.length / columns))}, minmax(0, 1fr))`;
    this.container.dataset.density = departments.length > 20 ? 'dense' : 'normal';
    departments.forEach((d, index) => {
      const tile = this.tiles.get(d.code) ?? this.create(d.code);
      const level = cardsMeasured ? (d.worstOpenLevel ?? 'NONE') : 'UNMEASURED';
      if (tile.root.dataset.level !== level) tile.root.dataset.level = level;
      const regionName = d.regionCode ? regionNames.get(d.regionCode) : undefined;
      setText(tile.name, withoutRegionPrefix(d.name, regionName));
      setText(tile.detail, [regionName, formatPercent(d.onTimeRate, 0)].filter(Boolean).join(' · '));
      if (this.container.children[index] !== tile.root) this.container.insertBefore(tile.root, this.container.children[index] ?? null);
    });
  }

  private create(code: string): Tile {
    const root = el('div', 'tile');
    root.dataset.code = code;
    const name = el('div', 'tile-name');
    const detail = el('div', 'tile-detail');
    root.append(name, detail);
    const tile = { root, name, detail };
    this.tiles.set(code, tile);
    return tile;
  }
}
