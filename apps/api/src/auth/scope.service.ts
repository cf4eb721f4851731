import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessScope, bodyScope, departmentsScope, EVERY_DEPARTMENT } from './access-scope';
import { Principal } from './principal';

/** A region's departments change rarely; a new one is seen within this time. */
const REGION_CACHE_TTL_MS = 5_000;

/** Turns a principal into the departments it may see (REST requests and socket handshakes). */
@Injectable()
export class ScopeService {
  private readonly regionCache = new Map<string, { codes: string[]; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async resolve(principal: Principal): Promise<AccessScope> {
    switch (principal.kind) {
      case 'admin':
      case 'centre_admin':
      case 'centre_supervisor':
        return EVERY_DEPARTMENT;
      case 'region_supervisor':
        return departmentsScope(await this.departmentsOfRegion(principal.regionCode), principal.officerId);
      case 'department_supervisor':
        return departmentsScope(bound(principal.departmentCode), principal.officerId);
      case 'officer':
        return departmentsScope(bound(principal.departmentCode), principal.officerId, true);
      case 'body_liaison':
        return bodyScope(principal.bodyCode ?? null);
      case 'display':
        if (principal.departmentCode !== null) return departmentsScope([principal.departmentCode]);
        if (principal.regionCode !== null) return departmentsScope(await this.departmentsOfRegion(principal.regionCode));
        return EVERY_DEPARTMENT;
      case 'department':
        return departmentsScope([principal.departmentCode]);
    }
  }

  /** The departments of a region and of every region below it (a city sees its districts). */
  async departmentsOfRegion(regionCode: string | null, now = Date.now()): Promise<string[]> {
    if (regionCode === null) return [];
    const cached = this.regionCache.get(regionCode);
    if (cached && cached.until > now) return cached.codes;
    const rows = await this.dataSource.query<{ code: string }[]>(
      `WITH RECURSIVE tree(code) AS (
         SELECT $1::varchar
         UNION SELECT r.code FROM regions r JOIN tree t ON r.parent_code = t.code
       )
       SELECT d.code FROM departments d WHERE d.region_code IN (SELECT code FROM tree) ORDER BY d.code`,
      [regionCode],
    );
    const codes = rows.map((row) => row.code);
    this.regionCache.set(regionCode, { codes, until: now + REGION_CACHE_TTL_MS });
    return codes;
  }
}

/** A department-bound user without a department (never stored so) sees nothing rather than everything. */
function bound(code: string | null): string[] {
  return code === null ? [] : [code];
}
