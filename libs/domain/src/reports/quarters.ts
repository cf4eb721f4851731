import { addCalendarDays, IsoDate } from '../calendar/calendar-date';
import { CountingPolicy, DEFAULT_COUNTING_POLICY, Instant, localDateOf } from '../calendar/counting-policy';

/** A calendar quarter, `2025Q4`: the joint meeting's period. */
export interface Quarter {
  key: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  from: IsoDate;
  to: IsoDate;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function quarter(year: number, q: number): Quarter {
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || ![1, 2, 3, 4].includes(q)) throw new RangeError(`no quarter ${year}Q${q}`);
  const firstMonth = (q - 1) * 3 + 1;
  const from = `${year}-${pad(firstMonth)}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + 3)}-01`;
  return { key: `${year}Q${q}`, year, quarter: q as Quarter['quarter'], from, to: addCalendarDays(next, -1) };
}

/** `2025Q4` → the quarter, or null when the text is not one (a year outside 2000–2100 included: it is input, not a bug). */
export function parseQuarter(text: string): Quarter | null {
  const match = /^(\d{4})Q([1-4])$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2100 ? quarter(year, Number(match[2])) : null;
}

export function quarterOf(date: IsoDate): Quarter {
  return quarter(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? quarter(q.year - 1, 4) : quarter(q.year, q.quarter - 1);
}

/** The last quarter that has ended by `now` (local time): the one the quarter-end report is for. */
export function lastEndedQuarter(now: Instant, policy: CountingPolicy = DEFAULT_COUNTING_POLICY): Quarter {
  return previousQuarter(quarterOf(localDateOf(now, policy)));
}
