import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseEventInput, EventValidator, FieldError } from '@app/contracts';
import { eventDateRange, localDateOf } from '@app/domain';
import { CalendarService } from '../calendar/calendar.service';
import { COUNTING_POLICY } from '../calendar/clock-policy';
import { JobName } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { Metrics } from '../telemetry/metrics';
import { eventContentHash } from './content-hash';
import { EventStoreRepository, EventToStore } from './event-store.repository';
import { FUTURE_TOLERANCE_MINUTES, FUTURE_TOLERANCE_MS } from './future-tolerance';
import { IngestResult, RejectedEvent } from './ingest-result';
import { ArrivedQueryCode, QueryCodeStore } from './query-code-store';


interface Candidate extends EventToStore {
  index: number;
  /** Taken off the event before it is hashed or stored: only its salted HMAC is kept (case_query_codes). */
  queryCode?: string;
}

/**
 * Judges each event on its own, commits the acceptable ones with their batch in one transaction,
 * and only then hands the batch to the workers. The answer never claims what is not committed.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('IngestService');
  private readonly validator = new EventValidator();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStoreRepository,
    private readonly jobs: JobQueue,
    private readonly calendars: CalendarService,
    private readonly metrics: Metrics,
    private readonly queryCodes: QueryCodeStore,
  ) {}

  async ingest(keyDepartment: string, rawEvents: unknown[], now: Date): Promise<IngestResult> {
    const rejected: RejectedEvent[] = [];
    const candidates: Candidate[] = [];
    const firstInBatch = new Map<string, Candidate>();
    let duplicates = 0;

    rawEvents.forEach((raw, index) => {
      const errors = this.judge(raw, keyDepartment, now);
      const eventId = eventIdOf(raw);
      if (errors.length > 0) return void rejected.push({ index, eventId, errors });
      const { queryCode, ...event } = raw as CaseEventInput;
      const candidate: Candidate = { index, event, contentHash: eventContentHash(event), ...(queryCode ? { queryCode } : {}) };
      const earlier = firstInBatch.get(event.eventId);
      if (!earlier) {
        firstInBatch.set(event.eventId, candidate);
        candidates.push(candidate);
      } else if (earlier.contentHash === candidate.contentHash) duplicates++;
      else rejected.push({ index, eventId, errors: [conflictError(`event #${earlier.index} of this batch`)] });
    });

    const batchId = randomUUID();
    const insertedCount = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.events.insertNew(manager, keyDepartment, batchId, now, candidates);
      const notInserted = candidates.filter((c) => !inserted.has(c.event.eventId));
      const stored = await this.events.contentHashes(manager, keyDepartment, notInserted.map((c) => c.event.eventId));
      for (const candidate of notInserted) {
        if (stored.get(candidate.event.eventId) === candidate.contentHash) duplicates++;
        else rejected.push({ index: candidate.index, eventId: candidate.event.eventId, errors: [conflictError('a stored event')] });
      }
      if (inserted.size > 0) await this.events.insertBatch(manager, batchId, keyDepartment, inserted.size, now);
      await this.queryCodes.record(manager, candidates.filter((c) => c.queryCode && inserted.has(c.event.eventId)).map(arrivedCode));
      return inserted.size;
    });

    if (insertedCount > 0) await this.enqueueProjection(batchId);
    rejected.sort((a, b) => a.index - b.index);
    this.count(insertedCount, duplicates, rejected.length);
    return { accepted: insertedCount, duplicates, rejected };
  }

  private count(accepted: number, duplicates: number, rejected: number): void {
    this.metrics.ingestBatches.inc();
    this.metrics.ingestEvents.inc({ outcome: 'accepted' }, accepted);
    this.metrics.ingestEvents.inc({ outcome: 'duplicate' }, duplicates);
    this.metrics.ingestEvents.inc({ outcome: 'rejected' }, rejected);
  }

  private judge(raw: unknown, keyDepartment: string, now: Date): FieldError[] {
    const validation = this.validator.validate(raw);
    if (!validation.ok) return validation.errors;
    const errors: FieldError[] = [];
    const { event } = validation;
    if (event.departmentCode !== keyDepartment) {
      errors.push({ path: 'departmentCode', message: `must be the department of the API key (${keyDepartment})` });
    }
    if (Date.parse(event.occurredAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
      errors.push({
        path: 'occurredAt',
        message: `is in the future: more than ${FUTURE_TOLERANCE_MINUTES} minutes (the tolerated clock skew) after the centre's clock, ${now.toISOString()}`,
      });
    }
    // A date the working-day calendar cannot count would be stored and then left out of the clocks.
    const range = eventDateRange(this.calendars.current());
    const on = localDateOf(event.occurredAt, COUNTING_POLICY);
    if (on < range.from || on > range.through) {
      errors.push({ path: 'occurredAt', message: `is outside the calendar's range: the local date must be from ${range.from} through ${range.through}` });
    }
    return errors;
  }

  /** After commit. If Redis is away the batch stays unprojected and the recovery sweep enqueues it. */
  private async enqueueProjection(batchId: string): Promise<void> {
    try {
      await this.jobs.enqueue(JobName.ProjectBatch, { batchId }, batchId);
    } catch (error) {
      this.logger.warn(`batch ${batchId} committed; enqueue deferred to recovery: ${(error as Error).message}`);
    }
  }
}

function arrivedCode(candidate: Candidate): ArrivedQueryCode {
  const { departmentCode, caseId, occurredAt } = candidate.event;
  return { departmentCode, caseId, occurredAt, code: candidate.queryCode! };
}

function eventIdOf(raw: unknown): string | null {
  const id = (raw as { eventId?: unknown } | null)?.eventId;
  return typeof id === 'string' ? id : null;
}

function conflictError(other: string): FieldError {
  return { path: 'eventId', message: `conflict: already used by ${other} with different content` };
}
