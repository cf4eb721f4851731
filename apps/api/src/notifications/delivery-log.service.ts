import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessScope, departmentFilter, inScope } from '../auth/access-scope';
import { Principal } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { InvalidInputException, notFound } from '../common/invalid-input.exception';
import { DELIVERY_STATUSES } from '../persistence/entities/notification-delivery.entity';

export interface DeliveryListFilter {
  status?: string;
  departmentCode?: string;
  alertId?: string;
  page: number;
  pageSize: number;
}

/** Never the raw target or the secret: the log shows the masked label only. */
const VIEW = `id, notification_id AS "notificationId", alert_id AS "alertId", department_code AS "departmentCode", kind, step, channel,
  recipient, target_label AS target, status, attempts, due_at AS "dueAt", sent_at AS "sentAt", last_error AS "lastError",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The delivery log and its dead-letter list: what was sent where, every attempt with its outcome,
 * and a retry for what failed after its last attempt. Department supervisors see their department's.
 */
@Injectable()
export class DeliveryLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(scope: AccessScope, filter: DeliveryListFilter) {
    if (filter.status !== undefined && !(DELIVERY_STATUSES as readonly string[]).includes(filter.status)) {
      throw new InvalidInputException([{ path: 'status', message: `must be one of ${DELIVERY_STATUSES.join(', ')}` }]);
    }
    if (filter.alertId !== undefined && !/^[0-9a-f-]{36}$/i.test(filter.alertId)) throw new InvalidInputException([{ path: 'alertId', message: 'must be a card id' }]);
    const departments = departmentFilter(scope, filter.departmentCode);
    if (departments !== undefined && departments.length === 0) return { page: filter.page, pageSize: filter.pageSize, total: 0, items: [] };
    const where = `($1::varchar IS NULL OR status = $1) AND ($2::varchar[] IS NULL OR department_code = ANY($2)) AND ($3::uuid IS NULL OR alert_id = $3)`;
    const params = [filter.status ?? null, departments ?? null, filter.alertId ?? null];
    const [{ total }] = await this.dataSource.query<{ total: string }[]>(`SELECT count(*) AS total FROM notification_deliveries WHERE ${where}`, params);
    const items = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT ${VIEW} FROM notification_deliveries WHERE ${where} ORDER BY updated_at DESC, id LIMIT $4 OFFSET $5`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { page: filter.page, pageSize: filter.pageSize, total: Number(total), items };
  }

  async get(scope: AccessScope, id: string) {
    const delivery = await this.find(scope, id);
    const attempts = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT attempt, at, channel, target_label AS target, status, http_status AS "httpStatus", error, duration_ms AS "durationMs"
         FROM notification_attempts WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
    return { ...delivery, attempts };
  }

  /** A dead delivery gets a fresh set of attempts, due now; its earlier attempts stay in the log. */
  async retry(scope: AccessScope, id: string, principal: Principal) {
    await this.find(scope, id);
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `WITH revived AS (
           UPDATE notification_deliveries SET status = 'PENDING', attempts = 0, due_at = $2, lease_until = NULL, updated_at = $2
            WHERE id = $1 AND status = 'DEAD' RETURNING id)
         SELECT id FROM revived`,
        [id, now],
      );
      if (rows.length === 0) throw new ConflictException({ statusCode: 409, error: 'Conflict', message: 'only a dead delivery can be retried', errors: [{ path: 'id', message: 'is not DEAD' }] });
      await this.audit.record({ actor: principal, action: 'notification_delivery.retry', target: `notification_delivery:${id}`, before: { status: 'DEAD' }, after: { status: 'PENDING' } }, manager);
      const [view] = await manager.query<Record<string, unknown>[]>(`SELECT ${VIEW} FROM notification_deliveries WHERE id = $1`, [id]);
      return view;
    });
  }

  private async find(scope: AccessScope, id: string): Promise<Record<string, unknown>> {
    const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await this.dataSource.query<Record<string, unknown>[]>(`SELECT ${VIEW} FROM notification_deliveries WHERE id = $1`, [id]) : [];
    // A digest carries its officer's department too, so every delivery has a department to scope by.
    if (!row || (scope.departmentCodes !== null && !inScope(scope, String(row.departmentCode)))) throw notFound('id', `delivery ${id} not found`);
    return row;
  }
}
