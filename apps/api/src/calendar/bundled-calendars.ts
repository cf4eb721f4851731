import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HolidayYearFile } from '@app/domain';
import { resourcesDir } from '../common/resources';

/** The published calendars shipped with the application (resources/holiday-cn, holiday-cn, MIT). */
export function readBundledCalendars(): HolidayYearFile[] {
  const dir = path.join(resourcesDir(), 'holiday-cn');
  return readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as HolidayYearFile)
    .sort((a, b) => a.year - b.year);
}
