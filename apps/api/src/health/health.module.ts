import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { HealthController } from './health.controller';

/** Liveness and readiness probes: every role serves them, a worker nothing else. */
@Module({ imports: [CalendarModule], controllers: [HealthController] })
export class HealthModule {}
