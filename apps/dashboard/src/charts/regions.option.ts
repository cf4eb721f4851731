import type { WallCardLevel, WallDepartment, WallRegion } from '@app/contracts/realtime/wall';
import { formatCount, withoutRegionPrefix } from '../i18n/format';
import type { WallMessages } from '../i18n/messages';
import { BASE_TEXT, WallChartOption } from './chart-types';
import { FONT_FAMILY, LEVEL_COLOURS, PALETTE } from './palette';
import { layoutMarkers, layoutRegionBoxes, markerSize } from './region-layout';

type MarkerLevel = WallCardLevel | 'NONE';
const MARKER_LEVELS: readonly MarkerLevel[] = ['NONE', 'PROMPT', 'YELLOW', 'RED'];

interface Marker {
  name: string;
  value: [number, number];
  symbolSize: number;
}

/** How much wider than its marker a yellow or red department's halo is. */
export const HALO_SCALE = 1.9;

/**
 * A level's markers with their names; for yellow and red, a still halo around each marker so the eye
 * finds them first. Still, not a ripple: a ripple redraws and re-composites the whole chart on every
 * frame for as long as a card is open — weeks, on a wall — which alone keeps a software-rendered
 * screen from keeping up (bench:wall, P7).
 */
function markerSeries(id: string, name: string, colour: string, markers: Marker[], halo: boolean) {
  const markersWithNames = {
    id,
    name,
    type: 'scatter' as const,
    data: markers,
    itemStyle: { color: colour, shadowBlur: 12, shadowColor: colour },
    label: { show: true, position: 'bottom' as const, distance: 6, color: PALETTE.text, fontSize: 14, fontFamily: FONT_FAMILY, formatter: '{b}' },
    z: 3,
  };
  if (!halo) return [markersWithNames];
  const halos = {
    id: `${id}-halo`,
    name,
    type: 'scatter' as const,
    data: markers.map((m) => ({ ...m, symbolSize: Math.round(m.symbolSize * HALO_SCALE) })),
    silent: true,
    itemStyle: { color: 'transparent', borderColor: colour, borderWidth: 2, opacity: 0.55 },
    label: { show: false },
    z: 2,
  };
  return [markersWithNames, halos];
}

/**
 * The districts as boxes, each department a marker inside its district: sized by work in progress,
 * coloured by its worst open card (neutral while cards are not measured), haloed on yellow and red.
 */
export function regionsOption(
  regions: readonly WallRegion[],
  departments: readonly WallDepartment[],
  cardsMeasured: boolean,
  messages: WallMessages,
): WallChartOption {
  const boxes = layoutRegionBoxes(regions.length);
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const maxInProgress = Math.max(0, ...departments.map((d) => d.inProgress));
  const markers = new Map<MarkerLevel, Marker[]>(MARKER_LEVELS.map((level) => [level, []]));

  const areas = regions.map((region, i) => {
    const box = boxes[i];
    const members = region.departmentCodes.map((code) => byCode.get(code)).filter((d): d is WallDepartment => d !== undefined);
    layoutMarkers(box, members.length).forEach((point, j) => {
      const d = members[j];
      markers.get(d.worstOpenLevel ?? 'NONE')!.push({
        name: withoutRegionPrefix(d.name, region.name),
        value: [point.x, point.y],
        symbolSize: markerSize(d.inProgress, maxInProgress),
      });
    });
    const cards = cardsMeasured ? `  {red|${messages.levels.RED} ${region.openCards.RED}}  {yellow|${messages.levels.YELLOW} ${region.openCards.YELLOW}}` : '';
    return [
      {
        name: region.name,
        xAxis: box.x0,
        yAxis: box.y0,
        label: {
          formatter: `{title|${region.name}}\n{sub|${messages.series.accepted} ${formatCount(region.acceptedToday)} · ${messages.series.inProgress} ${formatCount(region.inProgress)}}${cards}`,
        },
      },
      { xAxis: box.x1, yAxis: box.y1 },
    ];
  });

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
          distance: 12,
          rich: {
            title: { color: PALETTE.accent, fontSize: 22, fontWeight: 'bold', fontFamily: FONT_FAMILY, lineHeight: 34 },
            sub: { color: PALETTE.muted, fontSize: 15, fontFamily: FONT_FAMILY, lineHeight: 24 },
            red: { color: LEVEL_COLOURS.RED, fontSize: 15, fontFamily: FONT_FAMILY },
            yellow: { color: LEVEL_COLOURS.YELLOW, fontSize: 15, fontFamily: FONT_FAMILY },
          },
        },
        data: areas as never,
      },
    },
  ];
  if (cardsMeasured) {
    for (const level of MARKER_LEVELS) {
      series.push(...markerSeries(`level-${level}`, messages.levels[level], LEVEL_COLOURS[level], markers.get(level)!, level === 'YELLOW' || level === 'RED'));
    }
  } else {
    const all = MARKER_LEVELS.flatMap((level) => markers.get(level)!);
    series.push(...markerSeries('departments', messages.series.inProgress, PALETTE.neutral, all, false));
  }

  return {
    textStyle: BASE_TEXT,
    animationDurationUpdate: 600,
    grid: { left: 0, right: 0, top: 0, bottom: cardsMeasured ? 36 : 0 },
    xAxis: { type: 'value', min: 0, max: 100, show: false },
    yAxis: { type: 'value', min: 0, max: 100, inverse: true, show: false },
    legend: {
      show: cardsMeasured,
      bottom: 0,
      itemWidth: 14,
      itemHeight: 14,
      textStyle: { color: PALETTE.text, fontSize: 15, fontFamily: FONT_FAMILY },
      data: MARKER_LEVELS.map((level) => messages.levels[level]),
    },
    series,
  };
}
