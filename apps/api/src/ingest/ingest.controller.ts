import { Body, Controller, HttpCode, PayloadTooLargeException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { INGEST_LIMITS, ingestBatchSchema } from '@app/contracts';
import { CurrentPrincipal, Permission } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { InvalidInputException } from '../common/invalid-input.exception';
import { IngestResult } from './ingest-result';
import { IngestService } from './ingest.service';

@ApiTags('ingest')
@ApiBearerAuth()
@Controller('api/v1/events')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Post()
  @HttpCode(202)
  @Permission('events.ingest')
  @ApiOperation({ summary: 'Send a batch of case events (department key). Answers only after commit.' })
  @ApiBody({ schema: ingestBatchSchema as object })
  @ApiResponse({ status: 202, description: '{ accepted, duplicates, rejected: [{ index, eventId, errors }] }' })
  async post(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<IngestResult> {
    if (principal.kind !== 'department') throw new Error('unreachable: guarded by @Allow');
    const events = (body as { events?: unknown } | null)?.events;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidInputException([{ path: '(body)', message: 'must be an object { "events": [...] }' }]);
    }
    if (!Array.isArray(events)) throw new InvalidInputException([{ path: 'events', message: 'must be an array of events' }]);
    if (events.length > INGEST_LIMITS.maxEventsPerBatch) {
      throw new PayloadTooLargeException(`events: at most ${INGEST_LIMITS.maxEventsPerBatch} per batch, got ${events.length}`);
    }
    return this.ingest.ingest(principal.departmentCode, events, new Date());
  }
}
