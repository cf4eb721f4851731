import { MigrationInterface } from 'typeorm';
import { InitialSchema1764500000000 } from './1764500000000-initial-schema';
import { ClocksCalendar1764550000000 } from './1764550000000-clocks-calendar';

/** Listed explicitly (not globbed) so the same list works from TypeScript, dist and the CLI. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1764500000000,
  ClocksCalendar1764550000000,
];
