import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The working-day calendars clocks count on. */
@Module({ providers: [CalendarService], exports: [CalendarService] })
export class CalendarModule {}

/** Reading and loading calendar years (api roles). */
@Module({ imports: [CalendarModule, AuditModule], controllers: [CalendarController] })
export class CalendarHttpModule {}
