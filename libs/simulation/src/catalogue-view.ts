import { CatalogueFile, ItemInput, ItemKind } from '@app/contracts';

/** What the simulator needs to know about one department, precomputed from the catalogue. */
export interface DepartmentView {
  code: string;
  /** Handling staff; the supervisor alone when the department has no one else. */
  staff: string[];
  /** The department head (flagged 本行政机关负责人 in the catalogue, else the one others report to): decides and approves +10 extensions. */
  supervisorId?: string;
  /** A government head of the department's region (本级人民政府负责人): approves +15 extensions of joint items. */
  governmentHeadId?: string;
  /** Where FORWARDED items go for the upper authority's decision (not in the catalogue). */
  forwardTo: string;
  items: { code: string; item: ItemInput; weight: number }[];
}

/** Relative case volume by item kind: counter items are frequent, joint ones rare. */
const KIND_WEIGHT: Record<ItemKind, number> = { IMMEDIATE: 3, PROMISED: 2, FORWARDED: 1, JOINT: 1 };

/** The upper authority of a department: `SCJG-R01` forwards to `SCJG-CITY`. */
export function upperAuthorityOf(departmentCode: string): string {
  const prefix = departmentCode.split('-')[0].slice(0, 27);
  const upper = `${prefix}-CITY`;
  return upper === departmentCode ? `${prefix.slice(0, 26)}-PROV` : upper;
}

/**
 * Departments (catalogue order, or the order asked for) with their officers and items. Departments
 * without items are kept (they send nothing); unknown codes are an error.
 */
export function buildDepartmentViews(catalogue: CatalogueFile, only?: readonly string[]): DepartmentView[] {
  const codes = only ? [...new Set(only)] : Object.keys(catalogue.departments);
  const unknown = codes.filter((code) => !catalogue.departments[code]);
  if (unknown.length > 0) throw new RangeError(`unknown departments: ${unknown.join(', ')}`);

  return codes.map((code) => {
    const officerIds = Object.keys(catalogue.officers).filter((id) => catalogue.officers[id].departmentCode === code);
    const supervisorId = officerIds.find((id) => catalogue.officers[id].isDepartmentHead) ?? findSupervisor(catalogue, officerIds);
    const others = officerIds.filter((id) => id !== supervisorId);
    const regionCode = catalogue.departments[code].regionCode;
    const governmentHeadId = regionCode ? catalogue.regions[regionCode]?.governmentHeads?.[0]?.id : undefined;
    return {
      code,
      staff: others.length > 0 ? others : officerIds,
      supervisorId,
      ...(governmentHeadId ? { governmentHeadId } : {}),
      forwardTo: upperAuthorityOf(code),
      items: Object.entries(catalogue.items)
        .filter(([, item]) => item.departmentCode === code)
        .map(([itemCode, item]) => ({ code: itemCode, item, weight: KIND_WEIGHT[item.kind] })),
    };
  });
}

/** The officer the others report to; failing that, one without a supervisor; failing that, none. */
function findSupervisor(catalogue: CatalogueFile, officerIds: string[]): string | undefined {
  const votes = new Map<string, number>();
  for (const id of officerIds) {
    const boss = catalogue.officers[id].supervisorId;
    if (boss && officerIds.includes(boss)) votes.set(boss, (votes.get(boss) ?? 0) + 1);
  }
  const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  if (best) return best[0];
  return officerIds.find((id) => !catalogue.officers[id].supervisorId);
}
