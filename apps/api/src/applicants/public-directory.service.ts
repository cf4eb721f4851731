import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DirectoryEntry {
  code: string;
  name: string;
  regionName: string | null;
  complaintPhone: string | null;
  complaintWebsite: string | null;
}

/** The published directory: every department with its complaint phone and website (maintained in the catalogue). */
@Injectable()
export class PublicDirectoryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<{ departments: DirectoryEntry[] }> {
    const rows = await this.dataSource.query<{ code: string; name: string; region_name: string | null; public_complaints: { phone?: string; website?: string } | null }[]>(
      `SELECT d.code, d.name, r.name AS region_name, d.public_complaints
         FROM departments d LEFT JOIN regions r ON r.code = d.region_code
        ORDER BY r.name NULLS FIRST, d.code`,
    );
    return {
      departments: rows.map((row) => ({
        code: row.code,
        name: row.name,
        regionName: row.region_name,
        complaintPhone: row.public_complaints?.phone ?? null,
        complaintWebsite: row.public_complaints?.website ?? null,
      })),
    };
  }
}
