import type { WallRegion } from '@app/contracts/realtime/wall';
import { department } from '../testing/wall-fixtures.spec-helper';
import { TILES_PER_PAGE, tilePages } from './tile-pages';

const region = (code: string, name: string, departmentCodes: string[]): WallRegion => ({
  code,
  name,
  departmentCodes,
  acceptedToday: 0,
  inProgress: 0,
  overdue: 0,
  openCards: { PROMPT: 0, YELLOW: 0, RED: 0 },
});

describe('tilePages', () => {
  it('puts every department on exactly one page of one district, at most a page full each', () => {
    const regions = Array.from({ length: 10 }, (_, r) => region(`R${r}`, `区${r}`, Array.from({ length: r === 0 ? 9 : 6 }, (_, k) => `D${r}-${k}`)));
    const departments = regions.flatMap((r) => r.departmentCodes.map((code) => department(code, { regionCode: r.code })));
    const pages = tilePages([...departments, department('LOOSE', { regionCode: null })], regions);
    expect(pages.map((p) => p.departments.length)).toEqual([6, 3, 6, 6, 6, 6, 6, 6, 6, 6, 6, 1]);
    expect(pages.every((p) => p.departments.length <= TILES_PER_PAGE)).toBe(true);
    expect(pages.flatMap((p) => p.departments.map((d) => d.code)).sort()).toEqual([...departments.map((d) => d.code), 'LOOSE'].sort());
    for (const page of pages) expect(page.departments.every((d) => d.regionCode === page.regionCode)).toBe(true);
  });
});
