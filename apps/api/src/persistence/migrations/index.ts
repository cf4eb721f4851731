import { MigrationInterface } from 'typeorm';
import { InitialSchema1764500000000 } from './1764500000000-initial-schema';
import { ClocksCalendar1764550000000 } from './1764550000000-clocks-calendar';
import { IdentityAudit1764600000000 } from './1764600000000-identity-audit';
import { Alerts1764700000000 } from './1764700000000-alerts';
import { Notifications1764800000000 } from './1764800000000-notifications';
import { ReportsRegister1764900000000 } from './1764900000000-reports-register';
import { CaseDayIndexes1764950000000 } from './1764950000000-case-day-indexes';
import { CaseClocksLz41764960000000 } from './1764960000000-case-clocks-lz4';
import { LawHeadsRegister1765000000000 } from './1765000000000-law-heads-register';
import { CardAppealDecisions1765000000000 } from './1765000000000-card-appeal-decisions';
import { ManualCards1765000100000 } from './1765000100000-manual-cards';
import { HeldCards1765000200000 } from './1765000200000-held-cards';
import { WatchLists1765000300000 } from './1765000300000-watch-lists';
import { StatutoryEarlyCounter1765000400000 } from './1765000400000-statutory-early-counter';
import { CardListIndexes1765000500000 } from './1765000500000-card-list-indexes';
import { PostsDuties1765100100000 } from './1765100100000-posts-duties';
import { CluesBodies1765100200000 } from './1765100200000-clues-bodies';
import { JointMeetingsCountyReports1765100300000 } from './1765100300000-joint-meetings-county-reports';
import { OrdersSanctions1765100400000 } from './1765100400000-orders-sanctions';
import { SealedChannelSecrets1765200000000 } from './1765200000000-sealed-channel-secrets';
import { CaseFoldCursor1796521431833 } from './1796521431833-case-fold-cursor';
import { PublicLookupComplaints1796521448928 } from './1796521448928-public-lookup-complaints';
import { AuditArchive1796521694642 } from './1796521694642-audit-archive';
import { DismissedHeadProposal1796522624411 } from './1796522624411-dismissed-head-proposal';

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
  LawHeadsRegister1765000000000,
  CardAppealDecisions1765000000000,
  ManualCards1765000100000,
  HeldCards1765000200000,
  WatchLists1765000300000,
  StatutoryEarlyCounter1765000400000,
  CardListIndexes1765000500000,
  PostsDuties1765100100000,
  CluesBodies1765100200000,
  JointMeetingsCountyReports1765100300000,
  OrdersSanctions1765100400000,
  SealedChannelSecrets1765200000000,
  CaseFoldCursor1796521431833,
  PublicLookupComplaints1796521448928,
  AuditArchive1796521694642,
  DismissedHeadProposal1796522624411,
];
