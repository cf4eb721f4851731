import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Read side of the catalogue used by the workers. */
@Injectable()
export class CatalogueReader {
  constructor(private readonly dataSource: DataSource) {}

  async existingItemCodes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: { code: string }[] = await this.dataSource.query('SELECT code FROM items WHERE code = ANY($1)', [codes]);
    return new Set(rows.map((row) => row.code));
  }
}
