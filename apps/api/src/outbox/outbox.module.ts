import { Module } from '@nestjs/common';
import { OutboxPublisherService } from './outbox-publisher.service';
import { OutboxRepository } from './outbox.repository';

/**
 * The outbox: features write messages in their transactions (OutboxRepository) and the publisher
 * hands committed ones to the OUTBOX_SUBSCRIBERS bound at the top (app-ports.module.ts).
 */
@Module({
  providers: [OutboxRepository, OutboxPublisherService],
  exports: [OutboxRepository, OutboxPublisherService],
})
export class OutboxModule {}
