import { WALL_LIMITS } from '@app/contracts';
import { formatIsoDate, localDayNumberOf, localDayStartMs } from '@app/domain';
import { COUNTING_POLICY } from '../calendar/clock-policy';

/** The days the wall's figures refer to: "today" and the trend window, in the centre's local time. */
export interface WallDayWindow {
  now: Date;
  /** Local calendar day, YYYY-MM-DD. */
  today: string;
  todayStart: Date;
  todayEnd: Date;
  /** Oldest first, today last. */
  trendDays: string[];
  trendStart: Date;
  /** Local day number of trendDays[0], so SQL can bucket instants by day number. */
  firstDayNumber: number;
  utcOffsetMinutes: number;
}

export function wallDayWindow(now: Date, trendDayCount: number = WALL_LIMITS.trendDays): WallDayWindow {
  const offset = COUNTING_POLICY.utcOffsetMinutes;
  const todayNumber = localDayNumberOf(now.getTime(), offset);
  const firstDayNumber = todayNumber - trendDayCount + 1;
  return {
    now,
    today: formatIsoDate(todayNumber),
    todayStart: new Date(localDayStartMs(todayNumber, offset)),
    todayEnd: new Date(localDayStartMs(todayNumber + 1, offset)),
    trendDays: Array.from({ length: trendDayCount }, (_, i) => formatIsoDate(firstDayNumber + i)),
    trendStart: new Date(localDayStartMs(firstDayNumber, offset)),
    firstDayNumber,
    utcOffsetMinutes: offset,
  };
}
