import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IngestModule } from '../ingest/ingest.module';
import { OutboxModule } from '../outbox/outbox.module';
import { CaseClocksService } from './case-clocks.service';
import { CaseProjectionService } from './case-projection.service';
import { CaseQueryService } from './case-query.service';
import { CaseStateRepository } from './case-state.repository';
import { CasesController } from './cases.controller';
import { ClockRecomputeService } from './clock-recompute.service';

/**
 * Cases projected from their events, with their clocks. The projection's rules and followers are
 * interfaces of this folder (projection-ports.ts), bound at the top (app-ports.module.ts).
 */
@Module({
  imports: [CalendarModule, CatalogueModule, IngestModule, OutboxModule],
  providers: [CaseStateRepository, CaseProjectionService, CaseClocksService, ClockRecomputeService, CaseQueryService],
  exports: [CaseProjectionService, CaseClocksService, ClockRecomputeService, CaseQueryService],
})
export class CasesModule {}

/** Reading cases (api roles). */
@Module({ imports: [CasesModule], controllers: [CasesController] })
export class CasesHttpModule {}
