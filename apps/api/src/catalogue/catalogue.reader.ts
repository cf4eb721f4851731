import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ItemInput } from '@app/contracts';
import { ItemEntity } from '../persistence/entities';

/** Read side of the catalogue used by the workers. */
@Injectable()
export class CatalogueReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The catalogued items among these codes, in the catalogue's input shape (what the domain reads). */
  async itemsByCode(codes: string[]): Promise<Map<string, ItemInput>> {
    if (codes.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ItemEntity).findBy({ code: In(codes) });
    return new Map(rows.map((row) => [row.code, toItemInput(row)]));
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
