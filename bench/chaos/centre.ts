/**
 * Puts the demo catalogue into a freshly started centre and issues one key per department, through
 * the admin API (the build's own admin client: the path an operator takes).
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { CatalogueFile } from '../../libs/contracts/src';
import { ROOT } from '../support/results';
import { fromBuild } from './build-module';

interface AdminClientLike {
  loadCatalogue(catalogue: CatalogueFile): Promise<void>;
  issueKey(departmentCode: string, label: string): Promise<string>;
}

export function demoCatalogue(): CatalogueFile {
  return JSON.parse(readFileSync(resolve(ROOT, 'resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
}

export async function setUpCentre(buildRoot: string, baseUrl: string, adminToken: string, catalogue: CatalogueFile): Promise<Map<string, string>> {
  const { AdminClient } = fromBuild<{ AdminClient: new (baseUrl: string, token: string) => AdminClientLike }>(buildRoot, 'apps/api/src/demo/admin-client');
  const admin = new AdminClient(baseUrl, adminToken);
  await admin.loadCatalogue(catalogue);
  const keys = new Map<string, string>();
  for (const code of Object.keys(catalogue.departments)) keys.set(code, await admin.issueKey(code, 'chaos'));
  return keys;
}
