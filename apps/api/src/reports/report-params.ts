import { isIsoDate, localDateOf, parseIsoDate } from '@app/domain';
import { parseQuarter, Quarter, quarterOf } from '@app/domain/reports';
import { COUNTING_POLICY } from '../calendar/clock-policy';
import { InvalidInputException } from '../common/invalid-input.exception';
import { reportPeriod, ReportPeriod } from './data/report-period';

/** Long enough for a multi-year comparison; short enough that a request stays cheap. */
const MAX_PERIOD_DAYS = 3 * 366;

export function parseQuarterParam(raw: string): Quarter {
  const quarter = parseQuarter(raw);
  if (!quarter) throw new InvalidInputException([{ path: 'quarter', message: 'must be a quarter like 2025Q4 (years 2000–2100)' }]);
  return quarter;
}

/**
 * The period of a report: `from` and `to` (local dates, inclusive), or `quarter`; by default the
 * current quarter.
 */
export function parsePeriod(query: { from?: string; to?: string; quarter?: string }, now: Date): ReportPeriod {
  if (query.quarter) {
    if (query.from || query.to) throw new InvalidInputException([{ path: 'quarter', message: 'give either quarter or from/to, not both' }]);
    const q = parseQuarterParam(query.quarter);
    return reportPeriod(q.from, q.to);
  }
  if (!query.from && !query.to) {
    const q = quarterOf(localDateOf(now, COUNTING_POLICY));
    return reportPeriod(q.from, q.to);
  }
  const errors = [];
  for (const name of ['from', 'to'] as const) {
    if (!isIsoDate(query[name])) errors.push({ path: name, message: 'must be a date YYYY-MM-DD' });
  }
  if (errors.length > 0) throw new InvalidInputException(errors);
  const span = parseIsoDate(query.to!) - parseIsoDate(query.from!);
  if (span < 0) throw new InvalidInputException([{ path: 'to', message: 'must not be before from' }]);
  if (span >= MAX_PERIOD_DAYS) throw new InvalidInputException([{ path: 'to', message: `a period spans at most ${MAX_PERIOD_DAYS} days` }]);
  return reportPeriod(query.from!, query.to!);
}
