import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { MetricsController } from './metrics.controller';
import { StateMetricsService } from './state-metrics.service';

/** What the operator watches: /metrics for Prometheus. Every role serves it (a worker too). */
@Module({ imports: [CalendarModule], controllers: [MetricsController], providers: [StateMetricsService] })
export class OperationsModule {}
