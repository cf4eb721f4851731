import { IsoDate } from '../calendar/calendar-date';
import { addCounters, DailyCounters, zeroCounters } from './daily-counters';

/**
 * The two reads a report makes of the daily rollup, in memory (the service does the same in SQL):
 * the counters summed over the period's days, and summed over every day up to a day (the stocks).
 */
export function sumDays(days: ReadonlyMap<IsoDate, DailyCounters>, from: IsoDate, to: IsoDate): DailyCounters {
  const total = zeroCounters();
  for (const [day, counters] of days) if (day >= from && day <= to) addCounters(total, counters);
  return total;
}

export function sumThrough(days: ReadonlyMap<IsoDate, DailyCounters>, through: IsoDate): DailyCounters {
  const total = zeroCounters();
  for (const [day, counters] of days) if (day <= through) addCounters(total, counters);
  return total;
}
