import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cardTransition } from '@app/domain';
import { AlertStoreRepository } from '../alerts/alert-store.repository';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AlertEntity } from '../persistence/entities';
import { CardFactsRepository, NotifiedCard } from './card-facts.repository';
import { LinkClaims, verifyLink } from './link-token';

export type LinkOutcome =
  | { kind: 'invalid' }
  | { kind: 'card'; claims: LinkClaims; card: NotifiedCard }
  | { kind: 'acknowledged' | 'unchanged'; claims: LinkClaims; card: NotifiedCard };

/**
 * The signed link of a message: shows the card, and — for an `ack` link only — acknowledges it on
 * behalf of the recipient the link was made for. The acknowledgement follows the card lifecycle
 * (only an OPEN card) and is written like any other: transition row, outbox message (which ends the
 * escalation ladder) and audit entry, in one transaction, the actor being `link:<recipient>`.
 */
@Injectable()
export class LinkAcknowledgementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AlertStoreRepository,
    private readonly audit: AuditService,
    private readonly facts: CardFactsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(token: string, now: Date): Promise<LinkOutcome> {
    const claims = verifyLink(token, this.config.notifications.linkSecret, now.getTime());
    const card = claims && (await this.cardOf(claims.alertId));
    return claims && card ? { kind: 'card', claims, card } : { kind: 'invalid' };
  }

  async acknowledge(token: string, now: Date): Promise<LinkOutcome> {
    const claims = verifyLink(token, this.config.notifications.linkSecret, now.getTime());
    if (!claims || claims.purpose !== 'ack') return { kind: 'invalid' };
    const changed = await this.dataSource.transaction(async (manager) => {
      const card = await manager.getRepository(AlertEntity).findOne({ where: { id: claims.alertId }, lock: { mode: 'pessimistic_write' } });
      if (!card) return null;
      const result = cardTransition('acknowledge', card, 'department', undefined);
      if (!result.ok) return false;
      await manager.update(AlertEntity, { id: card.id }, { state: result.to, updatedAt: now });
      const actor = `link:${claims.recipient}`.slice(0, 200);
      await this.store.record(
        manager,
        [{ alertId: card.id, departmentCode: card.departmentCode, action: 'ACKNOWLEDGE', fromState: card.state, toState: result.to, fromLevel: card.level, toLevel: card.level, actor, comment: '通过通知中的确认链接确认收到' }],
        now,
      );
      await this.audit.record(
        {
          actor: { kind: 'system', id: `notification-link:${claims.recipient}` },
          action: 'alert.acknowledge',
          target: `alert:${card.id}`,
          before: { state: card.state, level: card.level },
          after: { state: result.to, level: card.level, via: 'notification-link' },
        },
        manager,
      );
      return true;
    });
    const card = await this.cardOf(claims.alertId);
    if (changed === null || !card) return { kind: 'invalid' };
    return { kind: changed ? 'acknowledged' : 'unchanged', claims, card };
  }

  private async cardOf(alertId: string): Promise<NotifiedCard | null> {
    if (!/^[0-9a-f-]{36}$/i.test(alertId)) return null;
    const [card] = await this.facts.cardsById([alertId]);
    return card ?? null;
  }
}
