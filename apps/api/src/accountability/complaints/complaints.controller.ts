import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { assertCode, parsePage } from '../../common/params';
import { assertValid } from '../../common/schema-validator';
import { COMPLAINT_CHANNELS, ComplaintInput, ComplaintService } from './complaint.service';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });

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
    subject: text(300),
    content: text(8000),
    receivedAt: { type: 'string', format: 'date-time', description: 'default: now' },
  },
};
const reasonSchema = { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(4000) } };
const answerSchema = { type: 'object', additionalProperties: false, required: ['answer'], properties: { answer: text(8000) } };
const concludeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['conclusion', 'substantiated'],
  properties: { conclusion: text(4000), substantiated: { type: 'boolean' } },
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
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    return this.complaints.list(scope, {
      departmentCode: q.departmentCode ? assertCode('departmentCode', q.departmentCode) : undefined,
      state: q.state || undefined,
      page: parsePage(q.page),
      pageSize: q.pageSize ? Math.min(parsePage(q.pageSize, 'pageSize'), 500) : 50,
    });
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
