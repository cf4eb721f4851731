import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { DepartmentContact, ItemInput } from '@app/contracts';
import { DepartmentEntity, ItemEntity } from '../persistence/entities';

/** Read side of the catalogue used by the workers. */
@Injectable()
export class CatalogueReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The catalogued items among these codes, in the catalogue's input shape (what the domain reads). */
  async itemsByCode(codes: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, ItemInput>> {
    if (codes.length === 0) return new Map();
    const rows = await manager.getRepository(ItemEntity).findBy({ code: In(codes) });
    return new Map(rows.map((row) => [row.code, toItemInput(row)]));
  }

  /** Each department's contact: who answers for a breach no event attributes to an officer. */
  async departmentContacts(codes: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, DepartmentContact | undefined>> {
    if (codes.length === 0) return new Map();
    const rows = await manager.getRepository(DepartmentEntity).findBy({ code: In(codes) });
    return new Map(rows.map((row) => [row.code, row.contact ?? undefined]));
  }
}

export function toItemInput(row: ItemEntity): ItemInput {
  return {
    name: row.name,
    departmentCode: row.departmentCode,
    kind: row.kind,
    statutoryDays: row.statutoryDays,
    promisedDays: row.promisedDays,
    steps: row.steps,
    feeFen: Number(row.feeFen),
    requiredDocuments: row.requiredDocuments,
    ...(row.thresholds ? { thresholds: row.thresholds } : {}),
  };
}
