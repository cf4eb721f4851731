import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AlertLevel, alertLevelRank } from '@app/contracts';
import { roomsOfDepartment } from '../auth/access-scope';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AlertEntity } from '../persistence/entities';
import { InboxBus } from './inbox-bus';
import { DeliveryStore } from './delivery-store.repository';
import { OfficeHoursService } from './office-hours.service';
import { RecipientDirectory } from './recipient-directory';
import { addWorkingHours, nextWorkingTime } from '@app/domain';

/**
 * Card changes that put a card at a new level: each is announced once. A held card (待发) is
 * announced when the centre confirms it (CONFIRM); what happened to it while held is not news.
 */
export const LEVEL_CHANGES = ['RAISED', 'UPGRADED', 'ESCALATED', 'CONFIRM'] as const;
const ACTIVE = ['OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED'];

/**
 * Turns one card level change into deliveries (the PlanCardNotification job). Idempotent: the
 * `notifications` row is unique per (card, level) and written in the same transaction as the
 * deliveries, so a replayed outbox message or a redelivered job plans nothing twice, and the
 * repeated evaluations of an unchanged card never reach here at all.
 *
 * Times follow the card, not the job: the level change's own instant decides quiet hours and starts
 * the escalation ladder, so a job that runs late (or a test with an injected clock) plans the same.
 */
@Injectable()
export class NotificationPlanner {
  private readonly logger = new Logger('NotificationPlanner');

  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientDirectory,
    private readonly deliveries: DeliveryStore,
    private readonly hours: OfficeHoursService,
    private readonly bus: InboxBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async plan(alertId: string, level: AlertLevel, now: Date): Promise<{ planned: number } | null> {
    const result = await this.dataSource.transaction(async (manager) => {
      const card = await manager.findOneBy(AlertEntity, { id: alertId });
      const [change] = await manager.query<{ at: Date; action: string }[]>(
        `SELECT at, action FROM alert_transitions
          WHERE alert_id = $1 AND to_level = $2 AND action = ANY($3) AND to_state <> 'PENDING' ORDER BY id LIMIT 1`,
        [alertId, level, LEVEL_CHANGES],
      );
      if (!card || !change) return null;
      const hours = this.hours.current();
      const changedAt = change.at.getTime();
      // Still the card's level and still open: otherwise the news is stale and nobody is told.
      const current = ACTIVE.includes(card.state) && alertLevelRank(card.level) === alertLevelRank(level);
      const nextEscalationAt = current && card.state === 'OPEN' ? new Date(addWorkingHours(hours, changedAt, this.config.notifications.escalateAfterWorkingHours)) : null;
      const id = randomUUID();
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO notifications (id, alert_id, level, department_code, reason, changed_at, created_at, escalation_step, next_escalation_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) ON CONFLICT (alert_id, level) DO NOTHING RETURNING id`,
        [id, alertId, level, card.departmentCode, change.action, change.at, now, nextEscalationAt],
      );
      if (inserted.length === 0 || !current) return { planned: 0, card, changedAt: change.at, reason: change.action };
      // Quiet hours: outside office hours and on rest days only RED goes at once.
      const dueAt = new Date(level === 'RED' ? changedAt : nextWorkingTime(hours, changedAt));
      const drafts = await this.recipients.firstRecipients(manager, { departmentCode: card.departmentCode, level, responsibleOfficerId: card.responsibleOfficerId });
      const planned = await this.deliveries.insert(
        manager,
        drafts.map((d) => ({ ...d, notificationId: id, alertId, departmentCode: card.departmentCode, kind: 'CARD' as const, step: 0, dueAt })),
        now,
      );
      return { planned, card, changedAt: change.at, reason: change.action };
    });
    if (result && result.planned > 0) this.announce(result.card, result.reason, result.changedAt);
    return result && { planned: result.planned };
  }

  /** Live news for everyone watching the department (and the centre); the inbox is the durable part. */
  private announce(card: AlertEntity, reason: string, changedAt: Date): void {
    const payload = {
      alertId: card.id,
      departmentCode: card.departmentCode,
      caseId: card.caseId,
      rule: card.rule,
      level: card.level,
      state: card.state,
      reason,
      changedAt: changedAt.toISOString(),
    };
    this.bus
      .publish({ rooms: roomsOfDepartment(card.departmentCode), event: 'card', payload })
      .catch((error: Error) => this.logger.warn(`live card notice not published: ${error.message}`));
  }
}
