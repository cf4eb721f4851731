import { parseQuarter, Quarter } from '@app/domain/reports';
import { InvalidInputException } from '../../common/invalid-input.exception';

/** A quarter like `2026Q3` (years 2000–2100), or a 400 naming `path`. */
export function quarterParam(raw: string | undefined, path: string): Quarter {
  const quarter = typeof raw === 'string' ? parseQuarter(raw) : null;
  if (!quarter) throw new InvalidInputException([{ path, message: 'must be a quarter like 2026Q3 (years 2000–2100)' }]);
  return quarter;
}
