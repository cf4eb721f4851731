import { DynamicModule, Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../auth/identity.module';
import { CalendarModule } from '../calendar/calendar.module';
import { AppConfig } from '../config/app-config';
import { CardChangeNotifier } from './card-change-notifier';
import { NotificationJobs } from './notification-jobs';
import { NOTIFICATION_CONTROLLERS, notificationProviders } from './notifications.providers';

/**
 * Planning, escalation and delivery of card notifications, the inbox and its sockets. Which
 * providers a process holds depends on its role, so the module is made for one configuration;
 * only the top (app.module.ts) imports it.
 */
@Module({})
export class NotificationsModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [AuditModule, CalendarModule, AlertsModule, IdentityModule],
      controllers: config.role === 'worker' ? [] : NOTIFICATION_CONTROLLERS,
      providers: notificationProviders(config),
      // CardChangeNotifier is an outbox subscriber; NotificationJobs is wired to the queue at the top.
      exports: [CardChangeNotifier, NotificationJobs],
    };
  }
}
