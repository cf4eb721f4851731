import type { WallMessages } from '../i18n/messages';
import { el } from './dom';

export interface WallLayout {
  stage: HTMLElement;
  banner: HTMLElement;
  clock: HTMLElement;
  status: HTMLElement;
  statusText: HTMLElement;
  updated: HTMLElement;
  kpis: HTMLElement;
  ranking: HTMLElement;
  tiles: HTMLElement;
  tilesTitle: HTMLElement;
  regions: HTMLElement;
  feed: HTMLElement;
  trend: HTMLElement;
  rotating: HTMLElement;
  rotatingTitle: HTMLElement;
  rotatingDots: HTMLElement;
}

function panel(parent: HTMLElement, area: string, title: string): { body: HTMLElement; heading: HTMLElement } {
  const section = el('section', `panel panel-${area}`);
  const heading = el('h2', 'panel-title', title);
  const body = el('div', 'panel-body');
  section.append(heading, body);
  parent.append(section);
  return { body, heading };
}

/** The fixed 1920×1080 design: header, KPI row, three columns, bottom row. */
export function buildLayout(root: HTMLElement, m: WallMessages): WallLayout {
  const stage = el('div', 'stage');
  const header = el('header', 'header');
  const titles = el('div', 'titles');
  titles.append(el('h1', 'title', m.title), el('span', 'subtitle', m.subtitle));
  const meta = el('div', 'meta');
  const status = el('div', 'status');
  const statusText = el('span', 'status-text');
  status.append(el('span', 'status-dot'), statusText);
  const updated = el('div', 'updated');
  const clock = el('div', 'clock');
  meta.append(updated, status, clock);
  header.append(titles, meta);

  const banner = el('div', 'banner');
  const kpis = el('div', 'kpis');
  const main = el('main', 'grid');
  const ranking = panel(main, 'ranking', m.panels.ranking).body;
  const tilesPanel = panel(main, 'tiles', m.panels.tiles);
  const tiles = tilesPanel.body;
  const regions = panel(main, 'regions', m.panels.regions).body;
  const feed = panel(main, 'feed', m.panels.feed).body;
  const trend = panel(main, 'trend', m.panels.trend).body;
  const rotatingPanel = panel(main, 'rotating', '');
  const rotatingDots = el('span', 'rotation-dots');
  rotatingPanel.heading.after(rotatingDots);

  stage.append(header, kpis, main, banner);
  root.replaceChildren(stage);
  return {
    stage,
    banner,
    clock,
    status,
    statusText,
    updated,
    kpis,
    ranking,
    tiles,
    tilesTitle: tilesPanel.heading,
    regions,
    feed,
    trend,
    rotating: rotatingPanel.body,
    rotatingTitle: rotatingPanel.heading,
    rotatingDots,
  };
}
