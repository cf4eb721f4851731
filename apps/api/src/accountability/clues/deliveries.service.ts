import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { ClueDeliveryEntity } from '../../persistence/entities/accountability/clue-delivery.entity';
import { isUuid } from '../scoped-record';

export interface DeliveryRow extends ClueDeliveryEntity {
  bodyName: string;
  clueSubject: string;
  clueChannel: string;
  sourceReferenceNo: string;
}

/**
 * What was fed back, copied or referred to bodies. A body liaison sees its own body's deliveries
 * only (anything else is 404) and acknowledges them; the centre sees all.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(scope: AccessScope, filter: { bodyCode?: string; kind?: string; page: number; pageSize: number }) {
    const { where, params } = this.filter(scope, filter);
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM clue_deliveries d WHERE ${where}`, params);
    const items = await this.rows(where, params, `LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
    return { page: filter.page, pageSize: filter.pageSize, total: n, items };
  }

  /** Everything in scope (the export), newest first. */
  async all(scope: AccessScope, filter: { bodyCode?: string; kind?: string }): Promise<DeliveryRow[]> {
    const { where, params } = this.filter(scope, filter);
    return this.rows(where, params, 'LIMIT 20000');
  }

  async get(scope: AccessScope, id: string): Promise<DeliveryRow> {
    const [found] = isUuid(id) ? await this.rows('d.id = $1', [id], '') : [];
    if (!found || !visible(scope, found.bodyCode)) throw notFound('id', `delivery ${id} not found`);
    return found;
  }

  /** The body's receipt (签收), with its answer if it gives one; once. */
  async acknowledge(principal: Principal, scope: AccessScope, id: string, reply: string | undefined, now: Date) {
    return this.dataSource.transaction(async (manager) => {
      const found = isUuid(id) ? await manager.findOne(ClueDeliveryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!found || !visible(scope, found.bodyCode)) throw notFound('id', `delivery ${id} not found`);
      if (found.acknowledgedAt !== null) throw new ConflictException('the delivery is acknowledged already');
      const change = { acknowledgedAt: now, acknowledgedBy: principalId(principal), reply: reply?.trim() ?? null };
      await manager.update(ClueDeliveryEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'clue.delivery.acknowledge', target: `clue_delivery:${id}`, before: { acknowledgedAt: null }, after: change }, manager);
      return { ...found, ...change };
    });
  }

  private filter(scope: AccessScope, filter: { bodyCode?: string; kind?: string }) {
    if (filter.kind && !['FEEDBACK', 'COPY', 'REFERRAL'].includes(filter.kind)) throw new InvalidInputException([{ path: 'kind', message: 'must be FEEDBACK, COPY or REFERRAL' }]);
    const clauses: string[] = ['TRUE'];
    const params: unknown[] = [];
    const own = ownBody(scope);
    if (own !== undefined) {
      params.push(own);
      clauses.push(`d.body_code = $${params.length}`);
    }
    if (filter.bodyCode) {
      params.push(filter.bodyCode);
      clauses.push(`d.body_code = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      clauses.push(`d.kind = $${params.length}`);
    }
    return { where: clauses.join(' AND '), params };
  }

  private async rows(where: string, params: unknown[], tail: string): Promise<DeliveryRow[]> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT d.id, d.clue_id, d.body_code, d.kind, d.content_summary, d.sent_at, d.sent_by, d.acknowledged_at, d.acknowledged_by, d.reply,
              b.name AS body_name, c.subject AS clue_subject, c.channel AS clue_channel, c.source_reference_no
         FROM clue_deliveries d JOIN accountability_bodies b ON b.code = d.body_code JOIN clues c ON c.id = d.clue_id
        WHERE ${where} ORDER BY d.sent_at DESC, d.id ${tail}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      clueId: r.clue_id as string,
      bodyCode: r.body_code as string,
      kind: r.kind as DeliveryRow['kind'],
      contentSummary: r.content_summary as string,
      sentAt: r.sent_at as Date,
      sentBy: r.sent_by as string,
      acknowledgedAt: r.acknowledged_at as Date | null,
      acknowledgedBy: r.acknowledged_by as string | null,
      reply: r.reply as string | null,
      bodyName: r.body_name as string,
      clueSubject: r.clue_subject as string,
      clueChannel: r.clue_channel as string,
      sourceReferenceNo: r.source_reference_no as string,
    }));
  }
}

/** A body liaison's own body (null: bound to none, sees nothing); undefined for the centre (sees all). */
function ownBody(scope: AccessScope): string | null | undefined {
  if (scope.bodyCode !== undefined) return scope.bodyCode;
  return scope.departmentCodes === null ? undefined : null;
}

function visible(scope: AccessScope, bodyCode: string): boolean {
  const own = ownBody(scope);
  return own === undefined || own === bodyCode;
}
