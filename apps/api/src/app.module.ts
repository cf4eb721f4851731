import { DynamicModule, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule, Params as LoggingParams } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AccountabilityHttpModule, AccountabilityModule } from './accountability/accountability.module';
import { AlertsHttpModule, AlertsModule } from './alerts/alerts.module';
import { ApplicantsHttpModule } from './applicants/applicants.module';
import { PortBindingsModule } from './app-ports.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { IdentityHttpModule, IdentityModule } from './auth/identity.module';
import { CalendarHttpModule, CalendarModule } from './calendar/calendar.module';
import { CasesHttpModule, CasesModule } from './cases/cases.module';
import { CatalogueHttpModule, CatalogueModule } from './catalogue/catalogue.module';
import { ErrorFilter } from './common/database-unavailable.filter';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { IngestHttpModule, IngestModule } from './ingest/ingest.module';
import { JobHandlersService } from './job-handlers.service';
import { JobQueue } from './jobs/job-queue';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OperationsModule } from './operations/operations.module';
import { OutboxModule } from './outbox/outbox.module';
import { PersistenceModule } from './persistence/persistence.module';
import { RealtimeModule } from './realtime/realtime.module';
import { TelemetryModule } from './telemetry/telemetry.module';
import { ReportsHttpModule, ReportsModule } from './reports/reports.module';
import { AfterListenWork } from './common/after-listen-work';
import { WallHttpModule } from './wall/wall.module';
import { WatchListsHttpModule } from './watchlists/watchlists.module';

/**
 * Closes outside connections in order: stop taking jobs (running ones finish), then the database.
 * Pollers (scheduler, feed monitor, outbox, recovery…) finish their current round in
 * `beforeApplicationShutdown`, which Nest completes before any `onApplicationShutdown` starts: hooks
 * of one module run side by side, so a round awaited here could lose its database mid-COMMIT.
 */
@Injectable()
class ResourceLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly jobs: JobQueue,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.jobs.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    new Logger('Shutdown').log(`shutdown complete${signal ? ` (${signal})` : ''}`);
  }
}

export interface RuntimeResources {
  /** The database to use: the configured one, or the embedded server's. */
  databaseUrl: string;
}

/**
 * Composes the feature modules (one per folder, docs/architecture.md). Every role holds the
 * features' services; the HTTP modules (controllers) belong to the api roles: a worker process
 * serves only its probes.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig, runtime: RuntimeResources, logging: LoggingParams): DynamicModule {
    const notifications = NotificationsModule.register(config);
    const realtime = RealtimeModule.register(config);
    return {
      module: AppModule,
      imports: [
        ScheduleModule.forRoot(),
        // Request ids and request-bound log lines (telemetry/logging.ts).
        LoggerModule.forRoot(logging),
        ConfigModule.register(config),
        TelemetryModule,
        PersistenceModule.register(runtime.databaseUrl, config.databasePoolSize),
        JobsModule,
        OutboxModule,
        AuditModule,
        IdentityModule,
        CatalogueModule,
        CalendarModule,
        IngestModule,
        CasesModule,
        AlertsModule,
        ReportsModule,
        notifications,
        realtime,
        AccountabilityModule,
        HealthModule,
        OperationsModule,
        PortBindingsModule.register(notifications, realtime),
        ...(config.role === 'worker'
          ? []
          : [IngestHttpModule, CatalogueHttpModule, CasesHttpModule, CalendarHttpModule, WallHttpModule, IdentityHttpModule, AlertsHttpModule, ReportsHttpModule, AccountabilityHttpModule, WatchListsHttpModule, ApplicantsHttpModule]),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        ResourceLifecycle,
        AfterListenWork,
        JobHandlersService,
      ],
    };
  }
}
