import { CatalogueFile, DepartmentInput, ItemInput, OfficerInput, RegionInput } from '@app/contracts';
import { AdminClient } from './admin-client';

type Row<T> = T & { code?: string; id?: string; regionCode?: string | null; parentCode?: string | null; supervisorId?: string | null };

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;

/** Reads the centre's catalogue back through the admin API, in the catalogue file's shape. */
export async function fetchCatalogue(admin: AdminClient): Promise<CatalogueFile> {
  const [regions, departments, officers, items] = await Promise.all([
    admin.call<Row<RegionInput>[]>('GET', '/api/v1/regions'),
    admin.call<Row<DepartmentInput>[]>('GET', '/api/v1/departments'),
    admin.call<Row<OfficerInput>[]>('GET', '/api/v1/officers'),
    admin.call<Row<ItemInput>[]>('GET', '/api/v1/items'),
  ]);
  return {
    regions: Object.fromEntries(regions.map((r) => [r.code!, defined({ name: r.name, parentCode: r.parentCode ?? undefined })])),
    departments: Object.fromEntries(
      departments.map((d) => [d.code!, defined({ name: d.name, regionCode: d.regionCode ?? undefined, contact: d.contact ?? undefined, publicComplaints: d.publicComplaints ?? undefined })]),
    ),
    officers: Object.fromEntries(
      officers.map((o) => [o.id!, defined({ name: o.name, departmentCode: o.departmentCode, supervisorId: o.supervisorId ?? undefined })]),
    ),
    items: Object.fromEntries(
      items.map((i) => [
        i.code!,
        defined({
          name: i.name,
          departmentCode: i.departmentCode,
          kind: i.kind,
          statutoryDays: i.statutoryDays,
          promisedDays: i.promisedDays,
          steps: i.steps,
          feeFen: Number(i.feeFen),
          requiredDocuments: i.requiredDocuments,
          thresholds: i.thresholds ?? undefined,
        }),
      ]),
    ),
  };
}
