import type { WallDepartment, WallRegion } from '@app/contracts/realtime/wall';
import { formatPercent, withoutRegionPrefix } from '../i18n/format';
import type { WallMessages } from '../i18n/messages';
import { departmentState } from '../state/department-state';
import { el, setText } from './dom';
import { type TilePage, tilePages } from './tile-pages';

interface Tile {
  root: HTMLElement;
  name: HTMLElement;
  detail: HTMLElement;
  cards: HTMLElement;
}

/**
 * A tile per department, one district per page, the pages turning (`periodMs`, 0 = still): the
 * tile is coloured by the state of the department's open cases now (overdue / due soon / on time /
 * none), shows its whole name without the district prefix (the title names the district), its
 * on-time rate, overdue cases and open red and yellow cards. Every tile stays in the page (hidden
 * when not on the current page), so turning costs no rebuild.
 */
export class DepartmentTiles {
  private readonly tiles = new Map<string, Tile>();
  private pages: TilePage[] = [];
  private page = 0;
  private readonly timer: number | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly title: HTMLElement,
    private readonly messages: WallMessages,
    periodMs: number,
  ) {
    if (periodMs > 0) this.timer = window.setInterval(() => this.turn(), periodMs);
  }

  dispose(): void {
    window.clearInterval(this.timer);
  }

  render(departments: readonly WallDepartment[], regions: readonly WallRegion[], cardsMeasured: boolean): void {
    this.pages = tilePages(departments, regions);
    const wanted = new Set(departments.map((d) => d.code));
    for (const [code, tile] of this.tiles) {
      if (!wanted.has(code)) {
        tile.root.remove();
        this.tiles.delete(code);
      }
    }
    let index = 0;
    this.pages.forEach((page, p) => {
      for (const d of page.departments) {
        const tile = this.tiles.get(d.code) ?? this.create(d.code);
        const state = departmentState(d);
        if (tile.root.dataset.state !== state) tile.root.dataset.state = state;
        const level = cardsMeasured ? (d.worstOpenLevel ?? 'NONE') : 'UNMEASURED';
        if (tile.root.dataset.level !== level) tile.root.dataset.level = level;
        tile.root.dataset.page = String(p);
        setText(tile.name, withoutRegionPrefix(d.name, page.regionName ?? undefined));
        const m = this.messages;
        setText(tile.detail, `${m.tileOnTime} ${formatPercent(d.onTimeRate, 0)}${d.overdue > 0 ? ` · ${m.series.overdue} ${d.overdue}` : ''}`);
        setText(tile.cards, cardsMeasured && d.openCards > 0 ? `${m.tileCards} ${d.openCards}` : '');
        if (this.container.children[index] !== tile.root) this.container.insertBefore(tile.root, this.container.children[index] ?? null);
        index += 1;
      }
    });
    if (this.page >= this.pages.length) this.page = 0;
    this.show();
  }

  private turn(): void {
    if (this.pages.length < 2) return;
    this.page = (this.page + 1) % this.pages.length;
    this.show();
  }

  private show(): void {
    const page = this.pages[this.page];
    for (const tile of this.tiles.values()) tile.root.hidden = tile.root.dataset.page !== String(this.page);
    const where = page ? (page.regionName ?? this.messages.noRegion) : '';
    const count = this.pages.length > 1 ? ` ${this.page + 1}/${this.pages.length}` : '';
    setText(this.title, page ? `${this.messages.panels.tiles} · ${where}${count}` : this.messages.panels.tiles);
    this.container.dataset.page = String(this.page);
  }

  private create(code: string): Tile {
    const root = el('div', 'tile');
    root.dataset.code = code;
    const name = el('div', 'tile-name');
    const detail = el('div', 'tile-detail');
    const cards = el('div', 'tile-cards');
    root.append(name, detail, cards);
    const tile = { root, name, detail, cards };
    this.tiles.set(code, tile);
    return tile;
  }
}
