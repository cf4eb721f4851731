import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { assertValid } from '../../common/schema-validator';
import { ApiOversightListQuery, oneTextBody, parseOversightListQuery, requiredText } from '../oversight-http';
import { COMPLAINT_CHANNELS, ComplaintInput, ComplaintService } from './complaint.service';

const complaintSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['departmentCode', 'channel', 'subject', 'content'],
  properties: {
    departmentCode: { type: 'string', minLength: 1, maxLength: 32 },
    caseId: { type: 'string', minLength: 1, maxLength: 64, description: 'the case complained about, if any' },
    channel: { type: 'string', enum: [...COMPLAINT_CHANNELS] },
    complainantName: { type: 'string', maxLength: 100 },
    complainantContact: { type: 'string', maxLength: 100 },
    subject: requiredText(300),
    content: requiredText(8000),
    receivedAt: { type: 'string', format: 'date-time', description: 'default: now' },
  },
};
const reasonSchema = oneTextBody('reason', 4000);
const answerSchema = oneTextBody('answer', 8000);
const concludeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['conclusion', 'substantiated'],
  properties: { conclusion: requiredText(4000), substantiated: { type: 'boolean' } },
};

/** Public complaints (投诉): registered by the centre, handled by the department, concluded by the centre. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintService) {}

  @Post()
  @Permission('oversight.direct')
  @ApiBody({ schema: complaintSchema })
  register(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.complaints.register(p, s, assertValid<ComplaintInput>(complaintSchema, body), new Date());
  }

  @Get()
  @Permission('oversight.read')
  @ApiOversightListQuery()
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    return this.complaints.list(scope, parseOversightListQuery(q));
  }

  @Get(':id')
  @Permission('oversight.read')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.complaints.get(scope, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Permission('oversight.respond')
  accept(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string) {
    return this.complaints.accept(p, s, id, new Date());
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Permission('oversight.respond')
  @ApiBody({ schema: reasonSchema })
  refuse(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.complaints.refuse(p, s, id, assertValid<{ reason: string }>(reasonSchema, body).reason, new Date());
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Permission('oversight.respond')
  @ApiBody({ schema: answerSchema })
  answer(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.complaints.answer(p, s, id, assertValid<{ answer: string }>(answerSchema, body).answer, new Date());
  }

  @Post(':id/conclude')
  @HttpCode(200)
  @Permission('oversight.direct')
  @ApiBody({ schema: concludeSchema })
  conclude(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ conclusion: string; substantiated: boolean }>(concludeSchema, body);
    return this.complaints.conclude(p, s, id, input.conclusion, input.substantiated, new Date());
  }
}
