import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AccessScope, canActOnCase, departmentFilter, ROOMS } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { InvalidInputException } from '../common/invalid-input.exception';
import { parsePage } from '../common/params';
import { CardFactsRepository } from './card-facts.repository';
import { DeliveryContentService } from './delivery-content.service';
import { userRoom } from './recipient-directory';

/**
 * The signed-in user's inbox: the in-app notifications addressed to them (as an officer, or as a
 * user: supervisors), newest first, each with its card as it is now. A notification deferred by
 * quiet hours appears when it is due. Acknowledge with POST /api/v1/alerts/:id/acknowledge (the
 * item's acknowledgeUrl), which ends the card's escalation.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/me/alerts')
export class InboxController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: CardFactsRepository,
  ) {}

  @Get()
  @Permission('notifications.inbox')
  @ApiQuery({ name: 'state', required: false, description: 'open (default: OPEN cards only) or all' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  async list(@CurrentPrincipal() principal: Principal, @CurrentScope() scope: AccessScope, @Query() query: Record<string, string | undefined>) {
    const state = query.state ?? 'open';
    if (state !== 'open' && state !== 'all') throw new InvalidInputException([{ path: 'state', message: 'must be open or all' }]);
    const page = parsePage(query.page);
    const pageSize = query.pageSize ? Math.min(parsePage(query.pageSize, 'pageSize'), 200) : 50;
    const rooms: string[] = [];
    if (scope.officerId) rooms.push(ROOMS.officer(scope.officerId));
    if ('username' in principal) rooms.push(userRoom(principal.username));
    const departments = departmentFilter(scope);
    if (rooms.length === 0 || (departments !== undefined && departments.length === 0)) return { page, pageSize, total: 0, items: [] };
    const where = `d.channel = 'inapp' AND d.kind <> 'DIGEST' AND d.recipient = ANY($1)
      AND d.status <> 'CANCELLED' AND (d.status = 'SENT' OR d.due_at <= $4)
      AND ($2::varchar[] IS NULL OR a.department_code = ANY($2)) AND ($3 = 'all' OR a.state = 'OPEN')`;
    // due_at was set by the application's clock: compare with it, not with the database server's now().
    const params = [rooms, departments ?? null, state, new Date()];
    const [{ total }] = await this.dataSource.query<{ total: string }[]>(
      `SELECT count(*) AS total FROM notification_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query<{ id: string; kind: string; step: number; due_at: Date; alert_id: string }[]>(
      `SELECT d.id, d.kind, d.step, d.due_at, d.alert_id FROM notification_deliveries d JOIN alerts a ON a.id = d.alert_id
        WHERE ${where} ORDER BY d.due_at DESC, d.id LIMIT $5 OFFSET $6`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const cards = new Map((await this.facts.cardsById([...new Set(rows.map((r) => r.alert_id))])).map((c) => [c.id, c]));
    // Acknowledging is the department's side (officers: their own cases); others only read.
    const departmentSide = principal.kind === 'officer' || principal.kind === 'department_supervisor';
    const items = rows.flatMap((row) => {
      const card = cards.get(row.alert_id);
      if (!card) return [];
      const item = DeliveryContentService.inboxItem(row, card);
      return [departmentSide && canActOnCase(scope, card) ? item : { ...item, acknowledgeUrl: null }];
    });
    return { page, pageSize, total: Number(total), items };
  }
}
