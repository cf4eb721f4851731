import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CardFactsRepository, NotifiedCard } from './card-facts.repository';
import { DeliveryRow } from './delivery-store.repository';
import { ladderStep } from './escalation-ladder';
import { signLink } from './link-token';
import { CardLinks, CardMessageKind, LEVEL_NAMES, RenderedMessage, renderBurstDigest, renderCardMessage, renderDigest, ruleName, stateName } from './message-text';

export type DeliveryContent =
  | { cancel: string }
  | {
      message: RenderedMessage;
      /** The generic webhook's event name and JSON document. */
      event: string;
      document: Record<string, unknown>;
    };

const ACTIVE = ['OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED'];
const EVENTS: Record<CardMessageKind, (reason: string) => string> = {
  CARD: (reason) => `card.${reason.toLowerCase()}`,
  ESCALATION: () => 'card.unacknowledged',
  REMINDER: () => 'card.reminder',
};

/**
 * What a delivery says, decided when it is sent: a message deferred to the morning or retried for
 * an hour reports the card as it is then — and is not sent at all when the card has closed, moved
 * to another level (that level's own notification speaks), or, for an escalation, been acknowledged.
 */
@Injectable()
export class DeliveryContentService {
  constructor(
    private readonly facts: CardFactsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(delivery: DeliveryRow, now: Date): Promise<DeliveryContent> {
    return delivery.kind === 'DIGEST' ? this.digest(delivery, now) : this.card(delivery, now);
  }

  /** The in-app inbox item of a card (also what GET /api/v1/me/alerts lists). */
  static inboxItem(delivery: { id: string; kind: string; step: number; due_at: Date }, card: NotifiedCard) {
    return {
      id: delivery.id,
      kind: delivery.kind,
      step: delivery.step,
      notifiedAt: delivery.due_at.toISOString(),
      card: {
        id: card.id,
        rule: card.rule,
        ruleName: ruleName(card.rule),
        level: card.level,
        levelName: LEVEL_NAMES[card.level],
        state: card.state,
        stateName: stateName(card.state),
        departmentCode: card.departmentCode,
        departmentName: card.departmentName,
        caseId: card.caseId,
        responsibleOfficerId: card.responsibleOfficerId,
        summary: card.summary,
        changedAt: card.changedAt.toISOString(),
      },
      acknowledgeUrl: card.state === 'OPEN' ? `/api/v1/alerts/${card.id}/acknowledge` : null,
    };
  }

  /**
   * One robot message for a burst of card deliveries to the same robot: the cards still worth
   * sending, listed (fitted to the robot's limit when sent), and the deliveries with nothing to say.
   */
  async burst(deliveries: DeliveryRow[], now: Date): Promise<{ content: DeliveryContent; cancelled: { delivery: DeliveryRow; reason: string }[] }> {
    const entries: { card: NotifiedCard; link: CardLinks }[] = [];
    const cancelled: { delivery: DeliveryRow; reason: string }[] = [];
    for (const delivery of deliveries) {
      const checked = await this.current(delivery);
      if ('cancel' in checked) cancelled.push({ delivery, reason: checked.cancel });
      else entries.push({ card: checked.card, link: this.link(checked.card, delivery.recipient, delivery.with_ack_link, now) });
    }
    if (entries.length === 0) return { content: { cancel: 'no card in the burst is open any more' }, cancelled };
    const message = renderBurstDigest({ cards: entries, consoleUrl: this.consoleUrl() });
    const document = { event: 'cards.digest', sentAt: now.toISOString(), cards: entries.map(({ card, link }) => ({ id: card.id, rule: card.rule, level: card.level, link })), subject: message.subject, text: message.text };
    return { content: { message, event: 'cards.digest', document }, cancelled };
  }

  /** The console, where every card is listed (the last line of a digest points there). */
  private consoleUrl(): string {
    return `${this.config.notifications.publicBaseUrl}/console/`;
  }

  /** The card as it is now, or why this delivery has nothing to say any more. */
  private async current(delivery: DeliveryRow): Promise<{ card: NotifiedCard } | { cancel: string }> {
    const card = delivery.notification_id ? await this.facts.ofNotification(delivery.notification_id) : null;
    if (!card) return { cancel: 'the card is gone' };
    if (!ACTIVE.includes(card.state)) return { cancel: `the card is ${card.state}` };
    if (card.notifiedLevel !== card.level) return { cancel: `the card is ${card.level} now; that notification speaks` };
    if (delivery.kind !== 'CARD' && card.state !== 'OPEN') return { cancel: `the card was ${card.state.toLowerCase()} before this step` };
    return { card };
  }

  private async card(delivery: DeliveryRow, now: Date): Promise<DeliveryContent> {
    const checked = await this.current(delivery);
    if ('cancel' in checked) return checked;
    const { card } = checked;
    const kind = delivery.kind as CardMessageKind;
    const link = this.link(card, delivery.recipient, delivery.with_ack_link, now);
    const message = renderCardMessage({ kind, step: delivery.step, card, link, audience: kind === 'CARD' ? null : ladderStep(delivery.step).audienceName });
    if (delivery.channel === 'inapp') return { message, event: 'inbox', document: DeliveryContentService.inboxItem(delivery, card) };
    const event = EVENTS[kind](card.reason);
    return {
      message,
      event,
      document: {
        event,
        deliveryId: delivery.id,
        step: delivery.step,
        sentAt: now.toISOString(),
        card: { ...DeliveryContentService.inboxItem(delivery, card).card, itemCode: card.itemCode, responsibleOfficerName: card.responsibleOfficerName, reason: card.reason },
        link,
        subject: message.subject,
        text: message.text,
      },
    };
  }

  private async digest(delivery: DeliveryRow, now: Date): Promise<DeliveryContent> {
    const officerId = delivery.recipient.replace(/^officer:/, '');
    const cards = await this.facts.openCardsOf(officerId);
    if (cards.length === 0) return { cancel: 'no open cards any more' };
    const day = new Date(delivery.due_at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const entries = cards.map((card) => ({ card, link: this.link(card, delivery.recipient, true, now) }));
    const message = renderDigest({ day, officerName: await this.facts.officerName(officerId), cards: entries, consoleUrl: this.consoleUrl() });
    return {
      message,
      event: 'digest.daily',
      document: {
        event: 'digest.daily',
        deliveryId: delivery.id,
        day,
        officerId,
        sentAt: now.toISOString(),
        cards: entries.map(({ card, link }) => ({ id: card.id, rule: card.rule, level: card.level, state: card.state, departmentCode: card.departmentCode, caseId: card.caseId, link })),
        subject: message.subject,
        text: message.text,
      },
    };
  }

  /** The signed page of the card; it acknowledges only for the department's side, and only an OPEN card. */
  private link(card: NotifiedCard, recipient: string, mayAcknowledge: boolean, now: Date): CardLinks {
    const settings = this.config.notifications;
    const acknowledge = mayAcknowledge && card.state === 'OPEN';
    const token = signLink(
      { purpose: acknowledge ? 'ack' : 'view', alertId: card.id, recipient, expiresAt: Math.floor(now.getTime() / 1000) + settings.linkTtlHours * 3600 },
      settings.linkSecret,
    );
    return { url: `${settings.publicBaseUrl}/api/v1/notification-links?t=${token}`, acknowledge };
  }
}
