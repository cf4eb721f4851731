import { Injectable } from '@nestjs/common';
import { ALERT_LEVELS, AlertLevel } from '@app/contracts';
import { JobName } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { OUTBOX_TOPICS, OutboxMessage } from '../outbox/outbox.repository';
import { planJobId } from './notification-dispatcher.service';
import { LEVEL_CHANGES } from './notification-planner.service';

/**
 * Hears the outbox (OutboxPublisherService calls it with each batch it publishes) and turns every
 * card level change into one PlanCardNotification job. Person actions and auto-closes change no
 * level and are not announced. A failure to enqueue fails the batch, which is published again.
 */
@Injectable()
export class CardChangeNotifier {
  constructor(private readonly jobs: JobQueue) {}

  async onOutboxMessages(messages: readonly OutboxMessage[]): Promise<number> {
    const planned = new Set<string>();
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
}
