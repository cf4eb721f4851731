import { Inject, Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { COUNTING_POLICY } from '../calendar/clock-policy';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OfficeHours } from '@app/domain';

/** Office hours on the calendar in force (a newly loaded holiday year applies at once). */
@Injectable()
export class OfficeHoursService {
  constructor(
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  current(): OfficeHours {
    return {
      calendar: this.calendars.current(),
      windows: this.config.notifications.workingWindows,
      utcOffsetMinutes: COUNTING_POLICY.utcOffsetMinutes,
    };
  }
}
