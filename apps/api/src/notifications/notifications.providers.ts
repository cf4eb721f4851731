import { Provider, Type } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CardChangeNotifier } from './card-change-notifier';
import { CardFactsRepository } from './card-facts.repository';
import { ChannelSettingsService } from './channel-settings.service';
import { DeliveryContentService } from './delivery-content.service';
import { DeliveryLogService } from './delivery-log.service';
import { DeliveryStore } from './delivery-store.repository';
import { DeliveryWorker } from './delivery-worker.service';
import { DigestPlanner } from './digest-planner.service';
import { EscalationService } from './escalation.service';
import { InboxBus, InProcessInboxBus, RedisInboxBus } from './inbox-bus';
import { InboxController } from './inbox.controller';
import { LinkAcknowledgementService } from './link-acknowledgement.service';
import { NotificationChannelsController } from './notification-channels.controller';
import { NotificationDeliveriesController } from './notification-deliveries.controller';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationJobs } from './notification-jobs';
import { NotificationLinksController } from './notification-links.controller';
import { NotificationPlanner } from './notification-planner.service';
import { NotificationsGateway } from './notifications.gateway';
import { OfficeHoursService } from './office-hours.service';
import { RecipientDirectory } from './recipient-directory';
import { HttpSender } from './senders/http-sender';
import { MailSender } from './senders/mail-sender';

/** Notifications' HTTP side (api roles): channels, inbox, delivery log, message links. */
export const NOTIFICATION_CONTROLLERS: Type[] = [NotificationChannelsController, InboxController, NotificationDeliveriesController, NotificationLinksController];

/**
 * Every role plans and delivers (the worker part runs where jobs run) and needs the bus; only the
 * api roles hold the /notifications sockets. The outbox publisher calls CardChangeNotifier.
 */
export function notificationProviders(config: AppConfig): Provider[] {
  const bus: Provider = {
    provide: InboxBus,
    useFactory: (): InboxBus =>
      config.mode === 'server' && config.redisUrl ? new RedisInboxBus(config.redisUrl, `${config.queuePrefix}:notification-inbox`) : new InProcessInboxBus(),
  };
  const everyRole: Provider[] = [
    bus,
    OfficeHoursService,
    RecipientDirectory,
    CardFactsRepository,
    DeliveryStore,
    NotificationPlanner,
    EscalationService,
    DigestPlanner,
    DeliveryContentService,
    HttpSender,
    MailSender,
    DeliveryWorker,
    NotificationDispatcher,
    NotificationJobs,
    CardChangeNotifier,
  ];
  if (config.role === 'worker') return everyRole;
  return [...everyRole, ChannelSettingsService, DeliveryLogService, LinkAcknowledgementService, NotificationsGateway];
}
