import {
  WALL_CARD_LEVELS,
  WALL_NO_REGION_CODE,
  WALL_LIMITS,
  WallCard,
  WallCardLevel,
  WallDepartment,
  WallKpis,
  WallPanels,
  WallRegion,
  WallRuleCount,
  WallTrendDay,
} from '@app/contracts';
import { WallCardFigures } from './wall-card-source';
import { DepartmentCaseFigures, TrendRow, WallCatalogue } from './wall-case-figures.query';
import { WallDayWindow } from './wall-day-window';
import { inWallScope, WallScope } from './wall-scope';

/** Everything read from the database for one state of the wall. */
export interface WallReadings {
  window: WallDayWindow;
  /** Only these departments count, whatever the other readings hold. */
  scope: WallScope;
  catalogue: WallCatalogue;
  departments: Map<string, DepartmentCaseFigures>;
  trend: TrendRow[];
  cards: WallCardFigures | null;
}

/** The wall as one api node holds it: the panels, the card feed, and the day they refer to. */
export interface WallState {
  day: string;
  serverTime: string;
  panels: WallPanels;
  cards: WallCard[];
}

const NO_FIGURES: DepartmentCaseFigures = { acceptedToday: 0, completedToday: 0, inProgress: 0, overdue: 0, dueSoon: 0, decided: 0, decidedOnTime: 0 };

/** The pseudo-district of departments with no (known) district: the city's own bureaus, as a rule. */
export const NO_REGION_NAME = '市直部门';

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function worstLevel(open: Partial<Record<WallCardLevel, number>> | undefined): WallCardLevel | null {
  for (let i = WALL_CARD_LEVELS.length - 1; i >= 0; i--) {
    if ((open?.[WALL_CARD_LEVELS[i]] ?? 0) > 0) return WALL_CARD_LEVELS[i];
  }
  return null;
}

const countOpen = (open: Partial<Record<WallCardLevel, number>> | undefined): number =>
  WALL_CARD_LEVELS.reduce((sum, level) => sum + (open?.[level] ?? 0), 0);

/** Pure: turns the readings into what the screen shows. Every figure has one definition, here or in SQL. */
export function assembleWallState(readings: WallReadings): WallState {
  const { window, cards, scope } = readings;
  const catalogue = { ...readings.catalogue, departments: readings.catalogue.departments.filter((d) => inWallScope(scope, d.code)) };
  const departments: WallDepartment[] = catalogue.departments.map((d) => {
    const figures = readings.departments.get(d.code) ?? NO_FIGURES;
    const open = cards?.openByDepartment[d.code];
    return {
      code: d.code,
      name: d.name,
      regionCode: d.regionCode,
      acceptedToday: figures.acceptedToday,
      inProgress: figures.inProgress,
      onTimeRate: rate(figures.decidedOnTime, figures.decided),
      decided: figures.decided,
      worstOpenLevel: worstLevel(open),
      openCards: countOpen(open),
      overdue: figures.overdue,
      dueSoon: figures.dueSoon,
    };
  });

  const totals = { ...NO_FIGURES };
  for (const d of catalogue.departments) {
    const figures = readings.departments.get(d.code) ?? NO_FIGURES;
    for (const key of Object.keys(totals) as (keyof DepartmentCaseFigures)[]) totals[key] += figures[key];
  }
  const openByLevel = (level: WallCardLevel): number | null =>
    cards ? catalogue.departments.reduce((sum, d) => sum + (cards.openByDepartment[d.code]?.[level] ?? 0), 0) : null;
  const kpis: WallKpis = {
    acceptedToday: totals.acceptedToday,
    completedToday: totals.completedToday,
    inProgress: totals.inProgress,
    overdue: totals.overdue,
    openYellow: openByLevel('YELLOW'),
    openRed: openByLevel('RED'),
    onTimeRate: rate(totals.decidedOnTime, totals.decided),
  };

  return {
    day: window.today,
    serverTime: window.now.toISOString(),
    panels: {
      kpis,
      departments,
      regions: regionsOf(catalogue, departments, cards),
      trend: trendOf(window, readings.trend, kpis),
      ruleCounts: ruleCountsOf(cards),
      cardsMeasured: cards !== null,
    },
    cards: (cards?.recent ?? []).filter((card) => inWallScope(scope, card.departmentCode)).slice(0, WALL_LIMITS.recentCards),
  };
}

/**
 * Regions that have departments, in catalogue order, then one for the departments of no known
 * region: every department is in exactly one, so the districts always add up to the headline.
 */
function regionsOf(catalogue: WallCatalogue, departments: WallDepartment[], cards: WallCardFigures | null): WallRegion[] {
  const known = new Set(catalogue.regions.map((r) => r.code));
  const regions = [...catalogue.regions, { code: WALL_NO_REGION_CODE, name: NO_REGION_NAME }];
  const regionOf = (d: WallDepartment): string => (d.regionCode !== null && known.has(d.regionCode) ? d.regionCode : WALL_NO_REGION_CODE);
  return regions
    .map((region) => {
      const members = departments.filter((d) => regionOf(d) === region.code);
      const openCards = Object.fromEntries(
        WALL_CARD_LEVELS.map((level) => [level, members.reduce((sum, d) => sum + (cards?.openByDepartment[d.code]?.[level] ?? 0), 0)]),
      ) as Record<WallCardLevel, number>;
      return {
        code: region.code,
        name: region.name,
        departmentCodes: members.map((d) => d.code),
        acceptedToday: members.reduce((sum, d) => sum + d.acceptedToday, 0),
        inProgress: members.reduce((sum, d) => sum + d.inProgress, 0),
        overdue: members.reduce((sum, d) => sum + d.overdue, 0),
        openCards,
      };
    })
    .filter((region) => region.departmentCodes.length > 0);
}

/**
 * One entry per day of the window. Today's accepted and completed come from the same reading as the
 * KPIs, so the trend's last point always agrees with the numbers above it even when the (costlier)
 * trend reading is a few seconds older.
 */
function trendOf(window: WallDayWindow, rows: TrendRow[], kpis: WallKpis): WallTrendDay[] {
  const byDay = new Map(rows.map((row) => [row.dayNumber, row]));
  return window.trendDays.map((day, i) => {
    const row = byDay.get(window.firstDayNumber + i);
    const isToday = day === window.today;
    return {
      day,
      accepted: isToday ? kpis.acceptedToday : (row?.accepted ?? 0),
      completed: isToday ? kpis.completedToday : (row?.completed ?? 0),
      overdue: row?.overdue ?? 0,
    };
  });
}

function ruleCountsOf(cards: WallCardFigures | null): WallRuleCount[] {
  if (!cards) return [];
  return Object.entries(cards.raisedByRule)
    .filter(([, count]) => count > 0)
    .map(([ruleCode, count]) => ({ ruleCode, count }))
    .sort((a, b) => b.count - a.count || a.ruleCode.localeCompare(b.ruleCode));
}
