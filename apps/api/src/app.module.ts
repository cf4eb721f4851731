import { DynamicModule, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { ACCOUNTABILITY_CONTROLLERS, ACCOUNTABILITY_PROVIDERS } from './accountability/accountability.providers';
import { ALERT_CONTROLLERS, ALERT_PROVIDERS } from './alerts/alerts.providers';
import { AuthGuard } from './auth/auth.guard';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { ClockRecomputeService } from './calendar/clock-recompute.service';
import { CaseClocksService } from './cases/case-clocks.service';
import { DepartmentKeyService } from './auth/department-key.service';
import { IDENTITY_CONTROLLERS, IDENTITY_PROVIDERS } from './auth/identity.providers';
import { CaseProjectionService } from './cases/case-projection.service';
import { CaseQueryService } from './cases/case-query.service';
import { CaseStateRepository } from './cases/case-state.repository';
import { CasesController } from './cases/cases.controller';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueReader } from './catalogue/catalogue.reader';
import { CatalogueService } from './catalogue/catalogue.service';
import { ErrorFilter } from './common/database-unavailable.filter';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { HealthController } from './health/health.controller';
import { WallController } from './wall/wall.controller';
import { EventStoreRepository } from './ingest/event-store.repository';
import { IngestController } from './ingest/ingest.controller';
import { IngestService } from './ingest/ingest.service';
import { BatchRecoveryService } from './jobs/batch-recovery.service';
import { BullMqJobQueue } from './jobs/bullmq-job-queue';
import { InProcessJobQueue } from './jobs/in-process-job-queue';
import { JobHandlersService } from './jobs/job-handlers.service';
import { JobQueue } from './jobs/job-queue';
import { NOTIFICATION_CONTROLLERS, notificationProviders } from './notifications/notifications.providers';
import { openDatabase } from './persistence/database.provider';
import { realtimeProviders } from './realtime/realtime.providers';
import { REPORT_CONTROLLERS, REPORT_PROVIDERS } from './reports/reports.providers';

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

@Module({})
export class AppModule {
  static register(config: AppConfig, runtime: RuntimeResources): DynamicModule {
    return {
      module: AppModule,
      imports: [ScheduleModule.forRoot()],
      // A worker process serves only its probes; the API belongs to the api role.
      controllers:
        config.role === 'worker'
          ? [HealthController]
          : [HealthController, IngestController, CatalogueController, CasesController, CalendarController, WallController, ...IDENTITY_CONTROLLERS, ...ALERT_CONTROLLERS, ...NOTIFICATION_CONTROLLERS, ...REPORT_CONTROLLERS, ...ACCOUNTABILITY_CONTROLLERS],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useFactory: () => openDatabase(runtime.databaseUrl, config.databasePoolSize) },
        {
          provide: JobQueue,
          inject: [APP_CONFIG],
          useFactory: (cfg: AppConfig): JobQueue =>
            cfg.mode === 'server' && cfg.redisUrl
              ? new BullMqJobQueue({ redisUrl: cfg.redisUrl, prefix: cfg.queuePrefix, concurrency: cfg.workerConcurrency })
              : new InProcessJobQueue(),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        ResourceLifecycle,
        DepartmentKeyService,
        ...IDENTITY_PROVIDERS,
        EventStoreRepository,
        IngestService,
        CatalogueReader,
        CatalogueService,
        CaseStateRepository,
        CaseProjectionService,
        CalendarService,
        CaseClocksService,
        ClockRecomputeService,
        CaseQueryService,
        JobHandlersService,
        BatchRecoveryService,
        ...realtimeProviders(config),
        ...ALERT_PROVIDERS,
        ...notificationProviders(config),
        ...REPORT_PROVIDERS,
        ...ACCOUNTABILITY_PROVIDERS,
      ],
    };
  }
}

