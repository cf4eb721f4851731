import { Injectable, Logger } from '@nestjs/common';
import { ALERT_LEVELS, AlertLevel } from '@app/contracts';
import { JobName } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { roomsOfDepartment } from '../auth/access-scope';
import { OUTBOX_TOPICS, OutboxMessage } from '../outbox/outbox.repository';
import { OutboxSubscriber } from '../outbox/outbox-subscriber';
import { InboxBus } from './inbox-bus';
import { planJobId } from './notification-dispatcher.service';
import { LEVEL_CHANGES } from './notification-planner.service';

/**
 * Hears the outbox (OutboxPublisherService calls it with each batch it publishes) and turns every
 * card level change into one PlanCardNotification job. Person actions and auto-closes change no
 * level and are not notified. A failure to enqueue fails the batch, which is published again.
 * Every transition (person actions too) is also announced live as `card.changed` on /notifications
 * to the card's department and the centre, so open card lists update without polling; that notice
 * is best-effort (the list is re-read on reconnect), so its failure does not fail the batch.
 */
@Injectable()
export class CardChangeNotifier implements OutboxSubscriber {
  private readonly logger = new Logger('CardChangeNotifier');

  constructor(
    private readonly jobs: JobQueue,
    private readonly bus: InboxBus,
  ) {}

  async onOutboxMessages(messages: readonly OutboxMessage[]): Promise<number> {
    const planned = new Set<string>();
    this.announce(messages);
    for (const { topic, payload } of messages) {
      if (topic !== OUTBOX_TOPICS.alertChanged || !(LEVEL_CHANGES as readonly unknown[]).includes(payload.action)) continue;
      const { alertId, level } = payload;
      if (typeof alertId !== 'string' || !(ALERT_LEVELS as readonly unknown[]).includes(level)) continue;
      const id = planJobId(alertId, level as string);
      if (planned.has(id)) continue;
      planned.add(id);
      await this.jobs.enqueue(JobName.PlanCardNotification, { alertId, level: level as AlertLevel }, id);
    }
    return planned.size;
  }

  private announce(messages: readonly OutboxMessage[]): void {
    for (const { topic, payload } of messages) {
      if (topic !== OUTBOX_TOPICS.alertChanged || typeof payload.alertId !== 'string' || typeof payload.departmentCode !== 'string') continue;
      const { alertId, departmentCode, action, level, state } = payload;
      this.bus
        .publish({ rooms: roomsOfDepartment(departmentCode), event: 'card.changed', payload: { alertId, departmentCode, action, level, state } })
        .catch((error: Error) => this.logger.warn(`live card change not published: ${error.message}`));
    }
  }
}
