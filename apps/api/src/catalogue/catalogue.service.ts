import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  CatalogueCycleError,
  CatalogueFile,
  DepartmentInput,
  FieldError,
  ItemInput,
  OfficerInput,
  parentsFirst,
  RegionInput,
} from '@app/contracts';
import { ruleThresholdProblems } from '@app/domain';
import { problemToFieldError } from '../common/problem-field-error';
import { InvalidInputException } from '../common/invalid-input.exception';
import { DepartmentEntity, ItemEntity, OfficerEntity, RegionEntity } from '../persistence/entities';

/** Writes to the catalogue. References are checked so a typo in a code is refused, not stored. */
@Injectable()
export class CatalogueService {
  constructor(private readonly dataSource: DataSource) {}

  async putRegion(code: string, input: RegionInput, manager = this.dataSource.manager): Promise<RegionEntity> {
    if (input.parentCode !== undefined) {
      if (input.parentCode === code) throw invalid('parentCode', 'must not be the region itself');
      await this.mustExist(manager, RegionEntity, 'code', input.parentCode, 'parentCode', 'unknown region');
    }
    const ids = (input.governmentHeads ?? []).map((head) => head.id);
    const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (repeated >= 0) throw invalid(`governmentHeads.${repeated}.id`, `duplicates ${ids[repeated]}`);
    await manager.upsert(
      RegionEntity,
      { code, name: input.name, parentCode: input.parentCode ?? null, governmentHeads: input.governmentHeads ?? [] },
      ['code'],
    );
    return manager.findOneByOrFail(RegionEntity, { code });
  }

  async putDepartment(code: string, input: DepartmentInput, manager = this.dataSource.manager): Promise<DepartmentEntity> {
    if (input.regionCode !== undefined) {
      await this.mustExist(manager, RegionEntity, 'code', input.regionCode, 'regionCode', 'unknown region');
    }
    await manager.upsert(
      DepartmentEntity,
      { code, name: input.name, regionCode: input.regionCode ?? null, contact: input.contact ?? null, publicComplaints: input.publicComplaints ?? null },
      ['code'],
    );
    return manager.findOneByOrFail(DepartmentEntity, { code });
  }

  async putOfficer(id: string, input: OfficerInput, manager = this.dataSource.manager): Promise<OfficerEntity> {
    await this.mustExist(manager, DepartmentEntity, 'code', input.departmentCode, 'departmentCode', 'unknown department');
    if (input.supervisorId !== undefined) {
      if (input.supervisorId === id) throw invalid('supervisorId', 'must not be the officer themself');
      await this.mustExist(manager, OfficerEntity, 'id', input.supervisorId, 'supervisorId', 'unknown officer');
    }
    await manager.upsert(
      OfficerEntity,
      { id, name: input.name, departmentCode: input.departmentCode, supervisorId: input.supervisorId ?? null, isDepartmentHead: input.isDepartmentHead ?? false },
      ['id'],
    );
    return manager.findOneByOrFail(OfficerEntity, { id });
  }

  async putItem(code: string, input: ItemInput, manager = this.dataSource.manager): Promise<ItemEntity> {
    await this.mustExist(manager, DepartmentEntity, 'code', input.departmentCode, 'departmentCode', 'unknown department');
    const errors: FieldError[] = [];
    if (input.kind !== 'IMMEDIATE' && input.promisedDays > input.statutoryDays) {
      errors.push({ path: 'promisedDays', message: `must not exceed statutoryDays (${input.statutoryDays})` });
    }
    const stepCodes = input.steps.map((s) => s.code);
    stepCodes.forEach((c, i) => {
      if (stepCodes.indexOf(c) !== i) errors.push({ path: `steps.${i}.code`, message: `duplicates step ${c}` });
    });
    // Thresholds override rule settings for this item: refuse a typo rather than silently ignore it.
    for (const problem of ruleThresholdProblems(input.thresholds)) errors.push(problemToFieldError(problem, 'thresholds.'));
    if (errors.length > 0) throw new InvalidInputException(errors);
    await manager.upsert(
      ItemEntity,
      {
        code,
        name: input.name,
        departmentCode: input.departmentCode,
        kind: input.kind,
        statutoryDays: input.statutoryDays,
        promisedDays: input.kind === 'IMMEDIATE' ? 0 : input.promisedDays,
        steps: input.steps,
        feeFen: input.feeFen,
        requiredDocuments: input.requiredDocuments,
        thresholds: (input.thresholds ?? null) as QueryDeepPartialEntity<ItemEntity>['thresholds'],
      },
      ['code'],
    );
    return manager.findOneByOrFail(ItemEntity, { code });
  }

  /** A whole catalogue in one transaction, in dependency order: all of it or none of it. */
  async load(file: CatalogueFile): Promise<Record<keyof CatalogueFile, number>> {
    return this.dataSource.transaction(async (manager) => {
      const regions = ordered('regions', file.regions, (r) => r.parentCode);
      for (const [code, region] of regions) await this.putRegion(code, region, manager);
      for (const [code, dept] of Object.entries(file.departments)) await this.putDepartment(code, dept, manager);
      const officers = ordered('officers', file.officers, (o) => o.supervisorId);
      for (const [id, officer] of officers) await this.putOfficer(id, officer, manager);
      for (const [code, item] of Object.entries(file.items)) await this.putItem(code, item, manager);
      return {
        regions: regions.length,
        departments: Object.keys(file.departments).length,
        officers: officers.length,
        items: Object.keys(file.items).length,
      };
    });
  }

  private async mustExist(
    manager: EntityManager,
    entity: typeof RegionEntity | typeof DepartmentEntity | typeof OfficerEntity,
    column: string,
    value: string,
    path: string,
    reason: string,
  ): Promise<void> {
    const found = await manager.getRepository(entity).exists({ where: { [column]: value } });
    if (!found) throw invalid(path, `${reason}: ${value}`);
  }
}

function invalid(path: string, message: string): InvalidInputException {
  return new InvalidInputException([{ path, message }]);
}

function ordered<T>(section: string, records: Record<string, T>, parentOf: (r: T) => string | undefined): [string, T][] {
  try {
    return parentsFirst(records, parentOf);
  } catch (error) {
    if (error instanceof CatalogueCycleError) throw invalid(`${section}.${error.key}`, 'is part of a parent/supervisor cycle');
    throw error;
  }
}
