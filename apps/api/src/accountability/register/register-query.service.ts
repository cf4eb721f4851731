import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In } from 'typeorm';
import { REGISTER_KINDS, REGISTER_STATES, REGISTER_SUBJECTS, warningTalkCoverage, WarningTalkCoverage, yearlyConsequences, YearlyConsequences } from '@app/domain/reports';
import { ReportSettingsRepository } from '../../reports/settings/report-settings.repository';
import { AccessScope, departmentFilter, inScope } from '../../auth/access-scope';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { RegisterEntryEntity } from '../../persistence/entities/accountability/register-entry.entity';
import { findInScope, isUuid } from '../scoped-record';

export interface RegisterFilter {
  departmentCode?: string;
  officerId?: string;
  year?: number;
  kind?: string;
  state?: string;
  subjectKind?: string;
  page: number;
  pageSize: number;
}

export interface DepartmentTalkCoverage extends WarningTalkCoverage {
  departmentCode: string;
  departmentName: string;
  year: number;
}

export interface OfficerYear {
  officerId: string;
  officerName: string;
  departmentCode: string;
  year: number;
  consequences: YearlyConsequences;
}

/** Reads of the register within the caller's scope; an officer's year with its consequences. */
@Injectable()
export class RegisterQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reportSettings: ReportSettingsRepository,
  ) {}

  async list(scope: AccessScope, filter: RegisterFilter) {
    if (filter.kind !== undefined && !(REGISTER_KINDS as readonly string[]).includes(filter.kind)) {
      throw new InvalidInputException([{ path: 'kind', message: `must be one of ${REGISTER_KINDS.join(', ')}` }]);
    }
    if (filter.state !== undefined && !(REGISTER_STATES as readonly string[]).includes(filter.state)) {
      throw new InvalidInputException([{ path: 'state', message: `must be one of ${REGISTER_STATES.join(', ')}` }]);
    }
    if (filter.subjectKind !== undefined && !(REGISTER_SUBJECTS as readonly string[]).includes(filter.subjectKind)) {
      throw new InvalidInputException([{ path: 'subjectKind', message: `must be one of ${REGISTER_SUBJECTS.join(', ')}` }]);
    }
    const departments = departmentFilter(scope, filter.departmentCode);
    if (departments?.length === 0) return { page: filter.page, pageSize: filter.pageSize, total: 0, items: [] };
    const where: FindOptionsWhere<RegisterEntryEntity> = {
      ...(departments ? { departmentCode: In(departments) } : {}),
      ...(filter.officerId ? { officerId: filter.officerId } : {}),
      ...(filter.year ? { year: filter.year } : {}),
      ...(filter.kind ? { kind: filter.kind as RegisterEntryEntity['kind'] } : {}),
      ...(filter.state ? { state: filter.state as RegisterEntryEntity['state'] } : {}),
      ...(filter.subjectKind ? { subjectKind: filter.subjectKind as RegisterEntryEntity['subjectKind'] } : {}),
    };
    const [items, total] = await this.dataSource.getRepository(RegisterEntryEntity).findAndCount({
      where,
      order: { decidedOn: 'DESC', createdAt: 'DESC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { page: filter.page, pageSize: filter.pageSize, total, items };
  }

  async get(scope: AccessScope, id: string): Promise<RegisterEntryEntity> {
    const found = isUuid(id) ? await this.dataSource.getRepository(RegisterEntryEntity).findOneBy({ id }) : null;
    return findInScope(found, scope, id, 'register entry');
  }

  /** One officer's year: the records and what they mean (awards, annual assessment). */
  async officerYear(scope: AccessScope, officerId: string, year: number) {
    const [officer] = await this.dataSource.query<{ id: string; name: string; department_code: string }[]>(
      'SELECT id, name, department_code FROM officers WHERE id = $1',
      [officerId],
    );
    if (!officer || !inScope(scope, officer.department_code)) throw notFound('officerId', `officer ${officerId} not found`);
    const entries = await this.dataSource.getRepository(RegisterEntryEntity).find({ where: { officerId, year }, order: { decidedOn: 'ASC', createdAt: 'ASC' } });
    const { register } = await this.reportSettings.current();
    return { officerId, officerName: officer.name, departmentCode: officer.department_code, year, consequences: yearlyConsequences(entries, register), entries };
  }

  /** Every officer in scope with a record that year, with the year's consequences. */
  async year(scope: AccessScope, year: number, departmentCode?: string): Promise<{ officers: OfficerYear[]; entries: RegisterEntryEntity[] }> {
    const departments = departmentFilter(scope, departmentCode);
    if (departments?.length === 0) return { officers: [], entries: [] };
    const entries = await this.dataSource.getRepository(RegisterEntryEntity).find({
      where: { year, ...(departments ? { departmentCode: In(departments) } : {}) },
      order: { departmentCode: 'ASC', officerId: 'ASC', decidedOn: 'ASC', createdAt: 'ASC' },
    });
    // A department's records (and a proposal naming no head yet) belong to no officer's year.
    const byOfficer = new Map<string, (RegisterEntryEntity & { officerId: string })[]>();
    for (const entry of entries) {
      if (entry.officerId === null) continue;
      byOfficer.set(entry.officerId, [...(byOfficer.get(entry.officerId) ?? []), { ...entry, officerId: entry.officerId }]);
    }
    const { register } = await this.reportSettings.current();
    const officers = [...byOfficer.values()].map((list) => ({
      officerId: list[0].officerId,
      officerName: list[list.length - 1].officerName ?? '',
      departmentCode: list[0].departmentCode,
      year,
      consequences: yearlyConsequences(list, register),
    }));
    return { officers, entries };
  }

  /**
   * 警醒谈话 coverage per department in scope: how many of its officers had a warning talk in the
   * year. `departmentCodes` narrows to given departments (the quarterly pack asks for all).
   */
  async warningTalkCoverage(scope: AccessScope | null, year: number, departmentCode?: string): Promise<DepartmentTalkCoverage[]> {
    const departments = scope ? departmentFilter(scope, departmentCode) : departmentCode ? [departmentCode] : undefined;
    if (departments?.length === 0) return [];
    const filter = departments ? 'WHERE d.code = ANY($2)' : '';
    const rows = await this.dataSource.query<{ code: string; name: string; officers: string[] | null; talks: { officerId: string; state: RegisterEntryEntity['state'] }[] | null }[]>(
      `SELECT d.code, d.name,
              (SELECT array_agg(o.id ORDER BY o.id) FROM officers o WHERE o.department_code = d.code) AS officers,
              (SELECT json_agg(json_build_object('officerId', r.officer_id, 'state', r.state)) FROM register_entries r
                WHERE r.department_code = d.code AND r.kind = 'WARNING_TALK' AND r.year = $1) AS talks
         FROM departments d ${filter} ORDER BY d.code`,
      departments ? [year, departments] : [year],
    );
    return rows.map((row) => ({
      departmentCode: row.code,
      departmentName: row.name,
      year,
      ...warningTalkCoverage(row.officers ?? [], row.talks ?? []),
    }));
  }
}
