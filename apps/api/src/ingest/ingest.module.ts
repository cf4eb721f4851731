import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { BatchRecoveryService } from './batch-recovery.service';
import { EventStoreRepository } from './event-store.repository';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';
import { QueryCodeHasher } from './query-code-hasher';
import { QueryCodeStore } from './query-code-store';

/** The event store and its batches: durable before acknowledged, each batch one job. */
@Module({
  // The calendar bounds the dates an event may carry (the years loaded, plus one).
  imports: [CalendarModule],
  providers: [EventStoreRepository, IngestService, BatchRecoveryService, QueryCodeHasher, QueryCodeStore],
  exports: [EventStoreRepository, IngestService, QueryCodeStore],
})
export class IngestModule {}

/** The ingest endpoint (api roles). */
@Module({ imports: [IngestModule], controllers: [IngestController] })
export class IngestHttpModule {}
