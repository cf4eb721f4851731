import { OutboxMessage } from './outbox.repository';

/**
 * Hears committed outbox messages, a batch at a time, in the order they were written. The outbox
 * sits below the features that consume it (the wall, notifications), so it names the interface and
 * they implement it; the list is bound at the top (app-ports.module.ts). A subscriber that throws
 * makes the batch be published again, so each must be safe to repeat.
 */
export interface OutboxSubscriber {
  onOutboxMessages(messages: readonly OutboxMessage[]): Promise<unknown>;
}

/** Injection token of the OutboxSubscriber[] the publisher hands each batch to, in order. */
export const OUTBOX_SUBSCRIBERS = Symbol('OUTBOX_SUBSCRIBERS');
