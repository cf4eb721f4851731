import { Module } from '@nestjs/common';
import { IdentityModule } from '../auth/identity.module';
import { CalendarModule } from '../calendar/calendar.module';
import { HealthController } from './health.controller';

/** Liveness and readiness probes: every role serves them, a worker nothing else. */
@Module({ imports: [CalendarModule, IdentityModule], controllers: [HealthController] })
export class HealthModule {}
