import { HolidayYearFile } from './holiday-year-file';

/** The two fs calls the loader needs: a spec passes Node's in (libs import no Node built-ins outside specs). */
export interface SpecFs {
  readdirSync(path: string): string[];
  readFileSync(path: string, encoding: 'utf8'): string;
}

/** The project's own copy of the published calendars (resources/holiday-cn), one file per year. */
export function loadYearFiles(fs: SpecFs): HolidayYearFile[] {
  const dir = `${__dirname}/../../../../resources/holiday-cn`;
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .map((name) => JSON.parse(fs.readFileSync(`${dir}/${name}`, 'utf8')) as HolidayYearFile);
}
