import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessScope, inScope } from '../auth/access-scope';
import { ScopeService } from '../auth/scope.service';
import { notFound } from '../common/invalid-input.exception';

export type ReportKind = 'department' | 'region' | 'city';

export interface DepartmentRef {
  code: string;
  name: string;
  regionCode: string | null;
}

/** What a report is about: one department, a region (with its sub-regions), or the city. */
export interface ReportSubject {
  kind: ReportKind;
  code: string | null;
  name: string;
  departments: DepartmentRef[];
}

/**
 * Resolves a report's subject within the caller's scope. Another department (or a region with none
 * of the caller's departments) answers exactly like one that does not exist; the city report covers
 * the departments the caller may see.
 */
@Injectable()
export class ReportSubjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
  ) {}

  async department(code: string, scope: AccessScope): Promise<ReportSubject> {
    const [row] = inScope(scope, code) ? await this.departments([code]) : [];
    if (!row) throw notFound('code', `department ${code} not found`);
    return { kind: 'department', code, name: row.name, departments: [row] };
  }

  async region(code: string, scope: AccessScope): Promise<ReportSubject> {
    const [region] = await this.dataSource.query<{ name: string }[]>('SELECT name FROM regions WHERE code = $1', [code]);
    const codes = region ? (await this.scopes.departmentsOfRegion(code)).filter((c) => inScope(scope, c)) : [];
    if (!region || (scope.departmentCodes !== null && codes.length === 0)) throw notFound('regionCode', `region ${code} not found`);
    return { kind: 'region', code, name: region.name, departments: await this.departments(codes) };
  }

  async city(scope: AccessScope): Promise<ReportSubject> {
    const all = await this.departments(null);
    return { kind: 'city', code: null, name: '全市', departments: all.filter((d) => inScope(scope, d.code)) };
  }

  /** The named departments (null: every one), by code. */
  async departments(codes: string[] | null): Promise<DepartmentRef[]> {
    if (codes !== null && codes.length === 0) return [];
    const rows = await this.dataSource.query<{ code: string; name: string; region_code: string | null }[]>(
      `SELECT code, name, region_code FROM departments ${codes === null ? '' : 'WHERE code = ANY($1)'} ORDER BY code`,
      codes === null ? [] : [codes],
    );
    return rows.map((row) => ({ code: row.code, name: row.name, regionCode: row.region_code }));
  }
}
