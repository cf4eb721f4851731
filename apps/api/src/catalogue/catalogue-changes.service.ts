import { ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { DepartmentInput, ItemInput, OfficerInput, RegionInput } from '@app/contracts';
import { canonicalJson } from '../audit/audit-chain';
import { AuditActor, AuditService } from '../audit/audit.service';
import { permits } from '../auth/access-policy';
import { DepartmentEntity, ItemEntity, OfficerEntity, RegionEntity } from '../persistence/entities';
import { CatalogueService } from './catalogue.service';

/** Row timestamps change on every write; they are not part of what was decided. */
const withoutTimestamps = (row: object | null): unknown => {
  if (row === null) return null;
  const { createdAt: _c, updatedAt: _u, ...rest } = row as { createdAt?: unknown; updatedAt?: unknown };
  return rest;
};

/**
 * Catalogue writes as decisions: each change and its audit entry (before/after) commit together.
 * A PUT that changes nothing records nothing, so re-loading a catalogue does not flood the log.
 */
@Injectable()
export class CatalogueChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
  ) {}

  putRegion(actor: AuditActor, code: string, input: RegionInput) {
    return this.change(actor, 'catalogue.region.put', `region:${code}`, RegionEntity, { code }, (m) => this.catalogue.putRegion(code, input, m));
  }

  putDepartment(actor: AuditActor, code: string, input: DepartmentInput) {
    return this.change(actor, 'catalogue.department.put', `department:${code}`, DepartmentEntity, { code }, (m) =>
      this.catalogue.putDepartment(code, input, m),
    );
  }

  putOfficer(actor: AuditActor, id: string, input: OfficerInput) {
    return this.change(actor, 'catalogue.officer.put', `officer:${id}`, OfficerEntity, { id }, (m) => this.catalogue.putOfficer(id, input, m));
  }

  /**
   * An item's own `thresholds` override the centre's rule settings for it (one can turn a rule off
   * for the item): changing them is the same supervision decision as the rule settings
   * (rules.configure, ADR 0015). Whoever maintains the catalogue may put the rest of the item and
   * resend its thresholds unchanged.
   */
  putItem(actor: AuditActor, code: string, input: ItemInput) {
    return this.change(actor, 'catalogue.item.put', `item:${code}`, ItemEntity, { code }, async (m) => {
      if (actor.kind !== 'system' && !permits('rules.configure', actor.kind)) {
        const stored = await m.findOneBy(ItemEntity, { code });
        if (canonicalJson(stored?.thresholds ?? null) !== canonicalJson(input.thresholds ?? null)) {
          throw new ForbiddenException({
            statusCode: 403,
            error: 'Forbidden',
            message: 'thresholds: changing an item’s rule thresholds is a centre supervisor’s decision (rules.configure)',
            errors: [{ path: 'thresholds', message: 'changing an item’s rule thresholds is a centre supervisor’s decision (rules.configure)' }],
          });
        }
      }
      return this.catalogue.putItem(code, input, m);
    });
  }

  private change<T extends ObjectLiteral>(
    actor: AuditActor,
    action: string,
    target: string,
    entity: EntityTarget<T>,
    where: FindOptionsWhere<T>,
    write: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const before = withoutTimestamps(await manager.findOne(entity, { where, lock: { mode: 'pessimistic_write' } }));
      const saved = await write(manager);
      const after = withoutTimestamps(saved);
      if (canonicalJson(before) !== canonicalJson(after)) await this.audit.record({ actor, action, target, before, after }, manager);
      return saved;
    });
  }
}
