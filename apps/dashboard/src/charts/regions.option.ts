import type { WallDepartment, WallRegion } from '@app/contracts/realtime/wall';
import { formatCount, withoutRegionPrefix } from '../i18n/format';
import type { WallMessages } from '../i18n/messages';
import { DEPARTMENT_STATES, type DepartmentState, departmentState } from '../state/department-state';
import { BASE_TEXT, WallChartOption } from './chart-types';
import { FONT_FAMILY, LEVEL_COLOURS, PALETTE, STATE_COLOURS } from './palette';
import { type Box, layoutMarkers, layoutRegionBoxes, markerGrid, markerSize } from './region-layout';

interface Marker {
  name: string;
  value: [number, number];
  symbolSize: number;
}

/** How much wider than its marker an overdue or due-soon department's halo is. */
export const HALO_SCALE = 1.9;

/** The chart's drawing area in design pixels (panel body of the 1920×1080 stage, legend row kept). */
export const REGIONS_CHART_PX = Object.freeze({ width: 876, height: 440 });

/** Department names are drawn at this size or not at all (legible from across the room). */
export const NAME_FONT_PX = 14;
const NAME_GAP_PX = 6;

/** Width of a name drawn at `fontPx`: CJK characters are square, Latin ones about half. */
export function textWidthPx(text: string, fontPx: number): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? fontPx : fontPx * 0.6;
  return width;
}

/** District title sizes: as large as 22 px, as small as 16 px, so a long county name fits its box. */
function titlePx(name: string, boxWidthPx: number): number {
  return Math.max(16, Math.min(22, Math.floor((boxWidthPx - 16) / Math.max(1, textWidthPx(name, 1)))));
}

const toPx = (box: Box) => ({ width: ((box.x1 - box.x0) / 100) * REGIONS_CHART_PX.width, height: ((box.y1 - box.y0) / 100) * REGIONS_CHART_PX.height });

/**
 * Whether every member's name, drawn at NAME_FONT_PX under its marker, fits its cell of the box's
 * marker grid: names are drawn whole and apart, or not drawn (the tiles and ranking carry them).
 */
export function namesFit(box: Box, titleShare: number, names: readonly string[]): boolean {
  if (names.length === 0) return true;
  const { width, height } = toPx(box);
  const { columns, rows } = markerGrid(box, names.length, titleShare);
  const cellWidth = width / columns;
  const cellHeight = (height * (1 - titleShare)) / rows;
  const widest = Math.max(...names.map((n) => textWidthPx(n, NAME_FONT_PX)));
  // A marker (up to 38 px), the gap and a line of name must stack within one row of the grid.
  return widest + 8 <= cellWidth && cellHeight >= 38 / 2 + NAME_GAP_PX + NAME_FONT_PX + 4 + 38 / 2;
}

function markerSeries(state: DepartmentState, name: string, markers: Marker[], showNames: boolean) {
  const colour = STATE_COLOURS[state];
  const withNames = {
    id: `state-${state}`,
    name,
    type: 'scatter' as const,
    data: markers,
    itemStyle: { color: colour, shadowBlur: 12, shadowColor: colour },
    label: { show: showNames, position: 'bottom' as const, distance: NAME_GAP_PX, color: PALETTE.text, fontSize: NAME_FONT_PX, fontFamily: FONT_FAMILY, formatter: '{b}' },
    // A last guard: a label that would still touch another is hidden, never drawn over it.
    labelLayout: { hideOverlap: true },
    z: 3,
  };
  if (state !== 'OVERDUE' && state !== 'DUE_SOON') return [withNames];
  // A still halo, not a ripple: a ripple repaints the whole chart every frame for weeks (bench:wall, P7).
  const halos = {
    id: `state-${state}-halo`,
    name,
    type: 'scatter' as const,
    data: markers.map((m) => ({ ...m, symbolSize: Math.round(m.symbolSize * HALO_SCALE) })),
    silent: true,
    itemStyle: { color: 'transparent', borderColor: colour, borderWidth: 2, opacity: 0.55 },
    label: { show: false },
    z: 2,
  };
  return [withNames, halos];
}

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/**
 * The districts as boxes, each department a marker inside its district: sized by work in progress,
 * coloured by the state of its open cases now, haloed when overdue or due soon. Names are drawn
 * only where they fit whole at 14 px; a city's ten districts show their figures and the dots.
 */
export function regionsOption(
  regions: readonly WallRegion[],
  departments: readonly WallDepartment[],
  cardsMeasured: boolean,
  messages: WallMessages,
): WallChartOption {
  const boxes = layoutRegionBoxes(regions.length, REGIONS_CHART_PX.width / REGIONS_CHART_PX.height);
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const maxInProgress = Math.max(0, ...departments.map((d) => d.inProgress));
  const markers = new Map<DepartmentState, Marker[]>(DEPARTMENT_STATES.map((state) => [state, []]));
  let allNamesFit = true;
  const descriptions: string[] = [];

  const areas = regions.map((region, i) => {
    const box = boxes[i];
    const px = toPx(box);
    const members = region.departmentCodes.map((code) => byCode.get(code)).filter((d): d is WallDepartment => d !== undefined);
    const title = titlePx(region.name, px.width);
    const narrow = px.width < 320;
    const lines = cardsMeasured && narrow ? 3 : 2;
    const titleShare = Math.min(0.62, (title * 1.5 + 22 * (lines - 1) + 14) / px.height);
    const names = members.map((d) => withoutRegionPrefix(d.name, region.name));
    if (!namesFit(box, titleShare, names)) allNamesFit = false;
    layoutMarkers(box, members.length, titleShare).forEach((point, j) => {
      const d = members[j];
      markers.get(departmentState(d))!.push({ name: names[j], value: [point.x, point.y], symbolSize: markerSize(d.inProgress, maxInProgress, narrow ? 0.6 : 1) });
    });
    const overdueDepartments = members.filter((d) => d.overdue > 0).length;
    descriptions.push(
      fill(messages.aria.district, {
        name: region.name,
        accepted: region.acceptedToday,
        inProgress: region.inProgress,
        overdue: region.overdue,
        overdueDepartments,
        departments: members.length,
      }),
    );
    const figures = `${messages.series.inProgress} ${formatCount(region.inProgress)} · ${messages.series.overdue} ${formatCount(region.overdue)}`;
    const cards = cardsMeasured ? `{red|${messages.levels.RED} ${region.openCards.RED}}  {yellow|${messages.levels.YELLOW} ${region.openCards.YELLOW}}` : '';
    const body = !cards ? `{sub|${figures}}` : narrow ? `{sub|${figures}}\n${cards}` : `{sub|${figures}}  ${cards}`;
    return [
      {
        name: region.name,
        xAxis: box.x0,
        yAxis: box.y0,
        label: { formatter: `{title${title}|${region.name}}\n${body}` },
      },
      { xAxis: box.x1, yAxis: box.y1 },
    ];
  });

  const titleStyles = Object.fromEntries(
    [16, 17, 18, 19, 20, 21, 22].map((size) => [`title${size}`, { color: PALETTE.accent, fontSize: size, fontWeight: 'bold' as const, fontFamily: FONT_FAMILY, lineHeight: Math.round(size * 1.5) }]),
  );
  const series: NonNullable<WallChartOption['series']> = [
    {
      id: 'districts',
      type: 'scatter',
      data: [],
      silent: true,
      markArea: {
        silent: true,
        itemStyle: { color: 'rgba(56, 214, 255, 0.05)', borderColor: PALETTE.border, borderWidth: 1.5 },
        label: {
          position: 'insideTop',
          distance: 8,
          rich: {
            ...titleStyles,
            sub: { color: PALETTE.muted, fontSize: 15, fontFamily: FONT_FAMILY, lineHeight: 22 },
            red: { color: LEVEL_COLOURS.RED, fontSize: 15, fontFamily: FONT_FAMILY, lineHeight: 22 },
            yellow: { color: LEVEL_COLOURS.YELLOW, fontSize: 15, fontFamily: FONT_FAMILY, lineHeight: 22 },
          },
        },
        data: areas as never,
      },
    },
  ];
  for (const state of DEPARTMENT_STATES) series.push(...markerSeries(state, messages.states[state], markers.get(state)!, allNamesFit));

  return {
    textStyle: BASE_TEXT,
    animationDurationUpdate: 600,
    aria: { enabled: true, label: { description: messages.aria.regions + descriptions.join('') } },
    grid: { left: 0, right: 0, top: 0, bottom: 36 },
    xAxis: { type: 'value', min: 0, max: 100, show: false },
    yAxis: { type: 'value', min: 0, max: 100, inverse: true, show: false },
    legend: {
      show: true,
      bottom: 0,
      itemWidth: 14,
      itemHeight: 14,
      textStyle: { color: PALETTE.text, fontSize: 15, fontFamily: FONT_FAMILY },
      data: DEPARTMENT_STATES.map((state) => messages.states[state]),
    },
    series,
  };
}
