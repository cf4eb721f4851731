import { MigrationInterface } from 'typeorm';
import { InitialSchema1764500000000 } from './1764500000000-initial-schema';
import { ClocksCalendar1764550000000 } from './1764550000000-clocks-calendar';
import { IdentityAudit1764600000000 } from './1764600000000-identity-audit';
import { Alerts1764700000000 } from './1764700000000-alerts';
import { Notifications1764800000000 } from './1764800000000-notifications';
import { ReportsRegister1764900000000 } from './1764900000000-reports-register';
import { CaseDayIndexes1764950000000 } from './1764950000000-case-day-indexes';
import { CaseClocksLz41764960000000 } from './1764960000000-case-clocks-lz4';

/** Listed explicitly (not globbed) so the same list works from TypeScript, dist and the CLI. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1764500000000,
  ClocksCalendar1764550000000,
  IdentityAudit1764600000000,
  Alerts1764700000000,
  Notifications1764800000000,
  ReportsRegister1764900000000,
  CaseDayIndexes1764950000000,
  CaseClocksLz41764960000000,
];
