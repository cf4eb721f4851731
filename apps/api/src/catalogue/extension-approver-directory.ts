import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { GovernmentHead } from '@app/contracts';
import { ExtensionApprovers } from '@app/domain';

/**
 * "Who is a head": who may approve an extension of a department's decision limit (art. 42) — the
 * heads of the department (本行政机关负责人) and the government heads of its region (本级人民政府负责人).
 * The one question the clocks and EXTENSION_IRREGULAR ask about people; kept behind this small
 * interface so the posts-and-duties register (岗位责任, issue 15) can answer it instead of the
 * catalogue's flags, with tenures, by providing another implementation.
 */
export abstract class ExtensionApproverDirectory {
  /** The approvers of each department asked for (a department not found has none). */
  abstract approversFor(departmentCodes: readonly string[], manager?: EntityManager): Promise<Map<string, ExtensionApprovers>>;
}

const NONE: ExtensionApprovers = Object.freeze({ departmentHeads: [], governmentHeads: [] });

/** Today's answer, from the catalogue: officers flagged `isDepartmentHead`, a region's `governmentHeads`. */
@Injectable()
export class CatalogueExtensionApproverDirectory extends ExtensionApproverDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async approversFor(departmentCodes: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, ExtensionApprovers>> {
    const codes = [...new Set(departmentCodes)];
    const result = new Map<string, ExtensionApprovers>(codes.map((code) => [code, NONE]));
    if (codes.length === 0) return result;
    const rows = await manager.query<{ code: string; government_heads: GovernmentHead[] | null; heads: string[] | null }[]>(
      `SELECT d.code, r.government_heads,
              (SELECT array_agg(o.id ORDER BY o.id) FROM officers o WHERE o.department_code = d.code AND o.is_department_head) AS heads
         FROM departments d LEFT JOIN regions r ON r.code = d.region_code
        WHERE d.code = ANY($1)`,
      [codes],
    );
    for (const row of rows) {
      result.set(row.code, {
        departmentHeads: (row.heads ?? []).map((id) => ({ id })),
        governmentHeads: (row.government_heads ?? []).map((head) => ({ id: head.id })),
      });
    }
    return result;
  }
}
