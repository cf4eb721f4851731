import type { CatalogueFile, DepartmentInput, ItemInput, OfficerInput, RegionInput } from '@app/contracts';

/**
 * A prefecture-level city's size, built from the 12-department demo: 10 districts and counties with
 * 6 departments each (60), every department with its kind's licensing items and 4 officers. Pure and
 * deterministic, so the wall can be tried and tested at the size it must hold (DEMO_CATALOGUE=city).
 */
export const CITY_DISTRICTS: readonly { code: string; name: string }[] = [
  { code: 'R01', name: '鼓楼区' },
  { code: 'R02', name: '江北区' },
  { code: 'R03', name: '新城区' },
  { code: 'R04', name: '高新技术产业开发区' },
  { code: 'R05', name: '东湖区' },
  { code: 'R06', name: '西山区' },
  { code: 'R07', name: '南岸区' },
  { code: 'R08', name: '临江县' },
  { code: 'R09', name: '青山县' },
  { code: 'R10', name: '白马县' },
];

/** The department kinds of the demo catalogue, as a district's own bureau is named. */
const KINDS: readonly { kind: string; name: string }[] = [
  { kind: 'SCJG', name: '市场监督管理局' },
  { kind: 'ZJJ', name: '住房和城乡建设局' },
  { kind: 'WJW', name: '卫生健康委员会' },
  { kind: 'JYJ', name: '教育局' },
  { kind: 'STHJ', name: '生态环境分局' },
  { kind: 'JTYS', name: '交通运输局' },
  { kind: 'WLJ', name: '文化和旅游局' },
  { kind: 'ZRZY', name: '自然资源和规划分局' },
  { kind: 'GAJ', name: '公安分局' },
  { kind: 'YJGL', name: '应急管理局' },
];

export const CITY_DEPARTMENTS_PER_DISTRICT = 6;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['建国', '秀英', '志强', '海燕', '振华', '晓东', '丽娟', '国庆', '文静', '明辉', '春梅', '伟'];

const personName = (n: number): string => `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`;

/** Item templates per department kind, taken from the demo's items (code prefix = kind). */
function templatesByKind(demo: CatalogueFile): Map<string, ItemInput[]> {
  const byKind = new Map<string, ItemInput[]>();
  for (const [code, item] of Object.entries(demo.items)) {
    const kind = code.split('-')[0];
    byKind.set(kind, [...(byKind.get(kind) ?? []), item]);
  }
  return byKind;
}

export function cityCatalogue(demo: CatalogueFile): CatalogueFile {
  const templates = templatesByKind(demo);
  const regions: Record<string, RegionInput> = {};
  const departments: Record<string, DepartmentInput> = {};
  const officers: Record<string, OfficerInput> = {};
  const items: Record<string, ItemInput> = {};
  let person = 0;
  CITY_DISTRICTS.forEach((district, d) => {
    regions[district.code] = { name: district.name, governmentHeads: [{ id: `G-${district.code}-01`, name: personName(person++) }] };
    for (let k = 0; k < CITY_DEPARTMENTS_PER_DISTRICT; k++) {
      // Each district has a different mix of six kinds, as real ones do.
      const { kind, name } = KINDS[(d + k) % KINDS.length];
      const code = `${kind}-${district.code}`;
      const head = `O-${code}-01`;
      for (let o = 1; o <= 4; o++) {
        const id = `O-${code}-0${o}`;
        officers[id] = o === 1 ? { name: personName(person++), departmentCode: code, isDepartmentHead: true } : { name: personName(person++), departmentCode: code, supervisorId: head };
      }
      departments[code] = {
        name: `${district.name}${name}`,
        regionCode: district.code,
        contact: { name: `${officers[head].name}（行政审批科）`, phone: `83${String(200 + d * 10 + k).padStart(3, '0')}100`, email: `${code.toLowerCase()}@gov.example`, officerId: head },
      };
      (templates.get(kind) ?? []).slice(0, 3).forEach((item, i) => {
        items[`${code}-${String(i + 1).padStart(3, '0')}`] = { ...item, departmentCode: code };
      });
    }
  });
  return { regions, departments, officers, items };
}
