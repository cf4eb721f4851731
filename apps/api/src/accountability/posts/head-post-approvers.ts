import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ExtensionApprovers, HeadTenure } from '@app/domain';
import { CatalogueExtensionApproverDirectory, ExtensionApproverDirectory } from '../../catalogue/extension-approver-directory';

/**
 * "Who is a head", answered with the posts base: the catalogue's flagged heads and government
 * heads, plus whoever held a head post (isHead) of the department, for the days they held it. An
 * extension approved by the holder of a head post on that day is credited; one approved after the
 * holding ended is not. Bound in place of the catalogue's directory in app-ports.module.ts.
 */
@Injectable()
export class HeadPostApproverDirectory extends ExtensionApproverDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueExtensionApproverDirectory,
  ) {
    super();
  }

  async approversFor(departmentCodes: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, ExtensionApprovers>> {
    const result = await this.catalogue.approversFor(departmentCodes, manager);
    if (result.size === 0) return result;
    const rows = await manager.query<{ department_code: string; officer_id: string; valid_from: string; valid_to: string | null }[]>(
      `SELECT h.department_code, h.officer_id, to_char(h.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(h.valid_to, 'YYYY-MM-DD') AS valid_to
         FROM post_holdings h JOIN posts p ON p.id = h.post_id
        WHERE p.is_head AND h.department_code = ANY($1)
        ORDER BY h.department_code, h.valid_from, h.officer_id`,
      [[...result.keys()]],
    );
    for (const row of rows) {
      const current = result.get(row.department_code);
      if (!current) continue;
      const tenure: HeadTenure = { id: row.officer_id, since: row.valid_from, ...(row.valid_to ? { until: row.valid_to } : {}) };
      result.set(row.department_code, { ...current, departmentHeads: [...current.departmentHeads, tenure] });
    }
    return result;
  }
}
