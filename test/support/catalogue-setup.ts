import { CatalogueFile } from '@app/contracts';
import { ApiClient } from './api-client';

/** Loads a catalogue through the public admin API and issues one key per department. */
export async function setUpCatalogue(admin: ApiClient, catalogue: CatalogueFile): Promise<Record<string, string>> {
  const check = (what: string, status: number, body: unknown) => {
    if (status !== 200 && status !== 201) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  };
  for (const [code, region] of Object.entries(catalogue.regions)) {
    const r = await admin.put(`/api/v1/regions/${code}`, region);
    check(`region ${code}`, r.status, r.body);
  }
  for (const [code, department] of Object.entries(catalogue.departments)) {
    const r = await admin.put(`/api/v1/departments/${code}`, department);
    check(`department ${code}`, r.status, r.body);
  }
  const officers = Object.entries(catalogue.officers).sort(([, a], [, b]) => Number(!!a.supervisorId) - Number(!!b.supervisorId));
  for (const [id, officer] of officers) {
    const r = await admin.put(`/api/v1/officers/${id}`, officer);
    check(`officer ${id}`, r.status, r.body);
  }
  for (const [code, item] of Object.entries(catalogue.items)) {
    const r = await admin.put(`/api/v1/items/${code}`, item);
    check(`item ${code}`, r.status, r.body);
  }
  const keys: Record<string, string> = {};
  for (const code of Object.keys(catalogue.departments)) {
    const r = await admin.post<{ key: string }>(`/api/v1/departments/${code}/keys`, { label: 'test' });
    check(`key ${code}`, r.status, r.body);
    keys[code] = r.body.key;
  }
  return keys;
}
