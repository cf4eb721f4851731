import { addCalendarDays, IsoDate, localDayStartInstantMs } from '@app/domain';
import { COUNTING_POLICY } from '../../calendar/clock-policy';

/** A report period: local days `from`…`to` inclusive, and the instants that bound them. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
  /** 00:00 local time of `from`. */
  startsAt: Date;
  /** 00:00 local time of the day after `to` (exclusive). */
  endsAt: Date;
}

export function reportPeriod(from: IsoDate, to: IsoDate): ReportPeriod {
  return {
    from,
    to,
    startsAt: new Date(localDayStartInstantMs(from, COUNTING_POLICY)),
    endsAt: new Date(localDayStartInstantMs(addCalendarDays(to, 1), COUNTING_POLICY)),
  };
}
