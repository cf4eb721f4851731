import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { robotTargetProblem } from './channel-input';
import { DeliveryContent, DeliveryContentService } from './delivery-content.service';
import { DeliveryRow, DeliveryStore } from './delivery-store.repository';
import { InboxBus } from './inbox-bus';
import { dingtalkRequest, ROBOT_MESSAGES_PER_MINUTE, webhookRequest, wecomRequest } from './outbound-formats';
import { HttpSender } from './senders/http-sender';
import { MailSender } from './senders/mail-sender';
import { failed, SendOutcome, sent } from './senders/send-outcome';

/** Long enough for one send with every timeout used up; a lease that runs out means the worker died. */
export const leaseMsOf = (sendTimeoutMs: number): number => sendTimeoutMs * 2 + 30_000;

/**
 * The DeliverNotification job: one attempt of one delivery. Takes the delivery (a repeated job finds
 * it taken and stops), renders it as the card is now, sends it within the timeout, and logs the
 * attempt with its outcome; the store decides SENT, RETRY (exponential backoff) or DEAD.
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    private readonly store: DeliveryStore,
    private readonly content: DeliveryContentService,
    private readonly http: HttpSender,
    private readonly mail: MailSender,
    private readonly bus: InboxBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(deliveryId: string): Promise<void> {
    const settings = this.config.notifications;
    const delivery = await this.store.startAttempt(deliveryId, leaseMsOf(settings.sendTimeoutMs));
    if (!delivery) return;
    const leaseMs = leaseMsOf(settings.sendTimeoutMs);
    const isRobotCard = (delivery.channel === 'dingtalk' || delivery.channel === 'wecom') && delivery.kind !== 'DIGEST';
    const merged = isRobotCard ? await this.store.takeRobotBurst(delivery, ROBOT_MESSAGES_PER_MINUTE, leaseMs) : [];
    let content: DeliveryContent;
    let riding: DeliveryRow[] = [];
    if (merged.length > 0) {
      const burst = await this.content.burst([delivery, ...merged], new Date());
      for (const { delivery: gone, reason } of burst.cancelled) if (gone.id !== delivery.id) await this.store.cancel(gone, reason, new Date());
      riding = merged.filter((m) => !burst.cancelled.some((c) => c.delivery.id === m.id));
      content = burst.content;
    } else {
      content = await this.content.build(delivery, new Date());
    }
    if ('cancel' in content) {
      await this.store.cancel(delivery, content.cancel, new Date());
      return;
    }
    const started = Date.now();
    const outcome = await this.send(delivery, content).catch((error: Error) => failed(error.message));
    const result = await this.store.finish(delivery, outcome, Date.now() - started, settings, new Date());
    await this.store.finishMerged(delivery, riding, outcome.ok, new Date());
    if (result.status === 'DEAD') {
      this.logger.warn(`delivery ${delivery.id} dead-lettered after ${delivery.attempts} attempt(s): ${delivery.channel} ${delivery.target_label}: ${result.error}`);
    }
  }

  private async send(delivery: DeliveryRow, content: Exclude<DeliveryContent, { cancel: string }>): Promise<SendOutcome> {
    const timeoutMs = this.config.notifications.sendTimeoutMs;
    const now = Date.now();
    switch (delivery.channel) {
      case 'inapp':
        await this.bus.publish({ rooms: [delivery.target], event: 'notification', payload: content.document });
        return sent();
      case 'webhook':
        if (!delivery.secret) return failed('the webhook has no signing secret', { permanent: true });
        return this.http.send(webhookRequest(delivery.target, delivery.secret, content.event, delivery.id, content.document, now), timeoutMs);
      case 'dingtalk':
      case 'wecom': {
        // A robot channel saved before its host was checked, or changed in the database, goes nowhere else.
        const problem = robotTargetProblem(delivery.channel, delivery.target);
        if (problem) return failed(`refused: ${problem}`, { permanent: true });
        const request = delivery.channel === 'dingtalk' ? dingtalkRequest(delivery.target, delivery.secret, content.message, now) : wecomRequest(delivery.target, content.message);
        return this.http.send(request, timeoutMs);
      }
      case 'email':
        return this.mail.send({ to: delivery.target, subject: content.message.subject, text: content.message.text, deliveryId: delivery.id });
    }
  }
}
