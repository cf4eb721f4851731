import type { WallDepartment, WallRegion } from '@app/contracts/realtime/wall';

/** Tiles on one page of the panel: 3 × 2, each large enough for a whole name at 16 px on two lines. */
export const TILES_PER_PAGE = 6;

export interface TilePage {
  /** The district the page shows (null: departments of no known district). */
  regionCode: string | null;
  regionName: string | null;
  departments: WallDepartment[];
}

/**
 * Pure: the departments split into pages of one district each (a large district over several),
 * in the order of the districts, departments by code — so a tile's name can drop its district
 * prefix (the page title says it) and no page ever shows two departments under the same name.
 */
export function tilePages(departments: readonly WallDepartment[], regions: readonly WallRegion[]): TilePage[] {
  const pages: TilePage[] = [];
  const placed = new Set<string>();
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const push = (regionCode: string | null, regionName: string | null, members: WallDepartment[]) => {
    const sorted = [...members].sort((a, b) => a.code.localeCompare(b.code));
    for (let i = 0; i < sorted.length; i += TILES_PER_PAGE) pages.push({ regionCode, regionName, departments: sorted.slice(i, i + TILES_PER_PAGE) });
  };
  for (const region of regions) {
    const members = region.departmentCodes.map((code) => byCode.get(code)).filter((d): d is WallDepartment => d !== undefined);
    members.forEach((d) => placed.add(d.code));
    push(region.code, region.name, members);
  }
  const rest = departments.filter((d) => !placed.has(d.code));
  if (rest.length > 0) push(null, null, rest);
  return pages;
}
