import { Body, Controller, HttpCode, PayloadTooLargeException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { INGEST_LIMITS, ingestBatchSchema } from '@app/contracts';
import { CurrentPrincipal, Permission } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { tooLargeMessage } from '../common/framework-errors';
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
  @ApiBody({ schema: ingestBatchSchema as object })
  @ApiResponse({ status: 202, description: 'Stored: how many accepted, how many duplicates, which rejected and why' })
  async post(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<IngestResult> {
    if (principal.kind !== 'department') throw new Error('unreachable: guarded by @Allow');
    const events = (body as { events?: unknown } | null)?.events;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidInputException([{ path: '(body)', message: 'must be an object { "events": [...] }' }]);
    }
    if (!Array.isArray(events)) throw new InvalidInputException([{ path: 'events', message: 'must be an array of events' }]);
    if (events.length > INGEST_LIMITS.maxEventsPerBatch) {
      throw new PayloadTooLargeException({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'too many events in one batch',
        errors: [{ path: 'events', message: tooLargeMessage(`${events.length} events is too many`) }],
      });
    }
    return this.ingest.ingest(principal.departmentCode, events, new Date());
  }
}
