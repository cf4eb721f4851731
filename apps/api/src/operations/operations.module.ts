import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { AuditArchiveService } from './audit-archive.service';
import { MetricsController } from './metrics.controller';
import { RetentionService } from './retention.service';
import { StateMetricsService } from './state-metrics.service';

/** What the operator watches (/metrics, every role serves it) and the retention sweep with the audit archive (worker roles). */
@Module({ imports: [CalendarModule], controllers: [MetricsController], providers: [StateMetricsService, RetentionService, AuditArchiveService] })
export class OperationsModule {}
