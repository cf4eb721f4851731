import { Injectable } from '@nestjs/common';
import { OUTBOX_TOPICS, OutboxMessage } from '../outbox/outbox.repository';
import { OutboxSubscriber } from '../outbox/outbox-subscriber';
import { WallChangeBus } from './wall-change-bus';

/** Tells the wall's api nodes which departments' cards changed, once per committed outbox batch. */
@Injectable()
export class WallCardChanges implements OutboxSubscriber {
  constructor(private readonly wall: WallChangeBus) {}

  async onOutboxMessages(messages: readonly OutboxMessage[]): Promise<void> {
    const departments = new Set<string>();
    for (const message of messages) {
      if (message.topic === OUTBOX_TOPICS.alertChanged && typeof message.payload.departmentCode === 'string') {
        departments.add(message.payload.departmentCode);
      }
    }
    if (messages.some((m) => m.topic === OUTBOX_TOPICS.alertChanged)) this.wall.publish({ kind: 'cards', departmentCodes: [...departments] });
  }
}
