import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isIsoDate, localDateOf } from '@app/domain';
import { AccessScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { AccountabilityBodyEntity } from '../../persistence/entities/accountability/accountability-body.entity';
import { BodyReportEntity } from '../../persistence/entities/accountability/body-report.entity';
import { isUuid } from '../scoped-record';
import { BodyInput, BodyReportInput } from './clue-input';
import { linkedDepartments, seesAnyOf } from './linked-scope';

/** The bodies (recorded by the centre admin) and the reports they copy to the supervision body. */
@Injectable()
export class BodiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async putBody(principal: Principal, code: string, input: BodyInput, now: Date) {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(AccountabilityBodyEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      const body = Object.assign(new AccountabilityBodyEntity(), { code, name: input.name.trim(), kind: input.kind, updatedAt: now });
      await manager.save(body);
      await this.audit.record({ actor: principal, action: before ? 'body.update' : 'body.create', target: `body:${code}`, before: before ?? null, after: body }, manager);
      return body;
    });
  }

  listBodies() {
    return this.dataSource.getRepository(AccountabilityBodyEntity).find({ order: { code: 'ASC' } });
  }

  async registerReport(principal: Principal, scope: AccessScope, input: BodyReportInput, now: Date) {
    const outside = input.departmentCodes.findIndex((c) => scope.departmentCodes !== null && !scope.departmentCodes.has(c));
    if (outside >= 0) throw notFound(`departmentCodes.${outside}`, `department ${input.departmentCodes[outside]} not found`);
    if (!isIsoDate(input.issuedOn) || input.issuedOn > localDateOf(now, COUNTING_POLICY)) throw new InvalidInputException([{ path: 'issuedOn', message: 'must be a date YYYY-MM-DD, not in the future' }]);
    return this.dataSource.transaction(async (manager) => {
      await requireBody(manager, input.bodyCode, 'bodyCode');
      await requireDepartments(manager, input.departmentCodes, 'departmentCodes');
      const report = Object.assign(new BodyReportEntity(), {
        id: randomUUID(),
        bodyCode: input.bodyCode,
        kind: input.kind,
        referenceNo: input.referenceNo.trim(),
        title: input.title.trim(),
        issuedOn: input.issuedOn,
        summary: input.summary.trim(),
        departmentCodes: input.departmentCodes,
        registeredAt: now,
        registeredBy: principalId(principal),
      });
      await manager.insert(BodyReportEntity, report);
      await this.audit.record({ actor: principal, action: 'body_report.register', target: `body_report:${report.id}`, after: report }, manager);
      return report;
    });
  }

  async listReports(scope: AccessScope, filter: { bodyCode?: string; page: number; pageSize: number }) {
    const query = this.dataSource.getRepository(BodyReportEntity).createQueryBuilder('r');
    const linked = linkedDepartments(scope);
    if (linked) query.andWhere('r.department_codes ?| :departments::text[]', { departments: linked });
    if (filter.bodyCode) query.andWhere('r.body_code = :bodyCode', { bodyCode: filter.bodyCode });
    const [items, total] = await query.orderBy('r.registered_at', 'DESC').addOrderBy('r.id').skip((filter.page - 1) * filter.pageSize).take(filter.pageSize).getManyAndCount();
    return { page: filter.page, pageSize: filter.pageSize, total, items };
  }

  /** The report and the clues opened from it (those the caller may see). */
  async getReport(scope: AccessScope, id: string) {
    const found = isUuid(id) ? await this.dataSource.getRepository(BodyReportEntity).findOneBy({ id }) : null;
    if (!found || !seesAnyOf(scope, found.departmentCodes)) throw notFound('id', `body report ${id} not found`);
    const clues = await this.dataSource.query<{ id: string; subject: string; state: string; outcome: string | null; departmentCodes: string[] }[]>(
      'SELECT id, subject, state, outcome, department_codes AS "departmentCodes" FROM clues WHERE body_report_id = $1 ORDER BY registered_at, id',
      [id],
    );
    return { ...found, clues: clues.filter((c) => seesAnyOf(scope, c.departmentCodes)) };
  }
}

export async function requireBody(manager: EntityManager, code: string, path: string): Promise<AccountabilityBodyEntity> {
  const body = await manager.findOneBy(AccountabilityBodyEntity, { code });
  if (!body) throw new InvalidInputException([{ path, message: `no body ${code} on record` }]);
  return body;
}

export async function requireDepartments(manager: EntityManager, codes: string[], path: string): Promise<void> {
  const rows = await manager.query<{ code: string }[]>('SELECT code FROM departments WHERE code = ANY($1)', [codes]);
  const known = new Set(rows.map((r) => r.code));
  const missing = codes.findIndex((c) => !known.has(c));
  if (missing >= 0) throw new InvalidInputException([{ path: `${path}.${missing}`, message: `no department ${codes[missing]}` }]);
}
