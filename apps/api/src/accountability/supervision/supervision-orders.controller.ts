import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertValid } from '../../common/schema-validator';
import { ApiOversightListQuery, oneTextBody, parseOversightListQuery, requiredText } from '../oversight-http';
import { OrderInput, ReissueInput, SupervisionOrderService } from './supervision-order.service';
import { ORDER_KINDS, VERIFICATION_OUTCOMES, VerificationOutcome } from '@app/domain/reports';

const orderSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['departmentCode', 'subject', 'detail'],
  properties: {
    kind: { type: 'string', enum: [...ORDER_KINDS], description: 'SUPERVISION 督办 (default) | RECTIFY 限期整改 | PERFORM 限期履行' },
    reviewDecisionRef: { ...requiredText(100), description: 'PERFORM only: the review decision not carried out (不履行或拖延履行行政复议决定), its reference' },
    departmentCode: { type: 'string', minLength: 1, maxLength: 32 },
    subject: requiredText(300),
    detail: requiredText(4000),
    caseId: { type: 'string', minLength: 1, maxLength: 64 },
    alertId: { type: 'string', format: 'uuid' },
    deadlineWorkingDays: { type: 'integer', minimum: 1, maximum: 250, description: 'default: the report settings’ supervisionOrderWorkingDays' },
    dueOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'instead of deadlineWorkingDays: the last local day' },
  },
};
const replySchema = oneTextBody('reply', 4000);
const closeSchema = oneTextBody('comment', 2000);
const escalateSchema = oneTextBody('comment', 2000);
const verifySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'comment'],
  properties: { outcome: { type: 'string', enum: [...VERIFICATION_OUTCOMES], description: 'VERIFIED (closed) | NOT_CARRIED_OUT (then re-issue or escalate)' }, comment: requiredText(2000) },
};
const reissueSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['comment'],
  properties: {
    comment: requiredText(2000),
    detail: { ...requiredText(4000), description: 'default: the first order’s' },
    deadlineWorkingDays: orderSchema.properties.deadlineWorkingDays,
    dueOn: orderSchema.properties.dueOn,
  },
};

function oneDeadline(input: { dueOn?: string; deadlineWorkingDays?: number }): void {
  if (input.dueOn !== undefined && input.deadlineWorkingDays !== undefined) {
    throw new InvalidInputException([{ path: 'dueOn', message: 'give either dueOn or deadlineWorkingDays' }]);
  }
}

/**
 * 督办 / 限期整改 / 限期履行: the centre orders, the department replies, the centre verifies the reply
 * (or closes); an order not carried out is re-issued or escalated to the head's accountability.
 */
@ApiTags('supervision orders')
@ApiBearerAuth()
@Controller('api/v1/supervision-orders')
export class SupervisionOrdersController {
  constructor(private readonly orders: SupervisionOrderService) {}

  @Post()
  @Permission('oversight.direct')
  @ApiBody({ schema: orderSchema })
  issue(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    const input = assertValid<OrderInput>(orderSchema, body);
    oneDeadline(input);
    return this.orders.issue(p, s, input, new Date());
  }

  @Get()
  @Permission('oversight.read')
  @ApiOversightListQuery()
  @ApiQuery({ name: 'kind', required: false, description: 'SUPERVISION | RECTIFY | PERFORM' })
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    return this.orders.list(scope, { ...parseOversightListQuery(q), kind: q.kind || undefined }, new Date());
  }

  @Get(':id')
  @Permission('oversight.read')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.orders.get(scope, id, new Date());
  }

  @Post(':id/reply')
  @HttpCode(200)
  @Permission('oversight.respond')
  @ApiBody({ schema: replySchema })
  reply(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.orders.reply(p, s, id, assertValid<{ reply: string }>(replySchema, body).reply, new Date());
  }

  @Post(':id/close')
  @HttpCode(200)
  @Permission('oversight.direct')
  @ApiBody({ schema: closeSchema })
  close(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.orders.close(p, s, id, assertValid<{ comment: string }>(closeSchema, body).comment, new Date());
  }

  /** The centre's verification: VERIFIED closes the order; NOT_CARRIED_OUT leaves re-issue or escalation. */
  @Post(':id/verify')
  @HttpCode(200)
  @Permission('oversight.direct')
  @ApiBody({ schema: verifySchema })
  verify(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ outcome: VerificationOutcome; comment: string }>(verifySchema, body);
    return this.orders.verify(p, s, id, input.outcome, input.comment, new Date());
  }

  /** Re-issue an order not carried out: a new order linked to it, with a new deadline (the new order is answered). */
  @Post(':id/reissue')
  @Permission('oversight.direct')
  @ApiBody({ schema: reissueSchema })
  reissue(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<ReissueInput>(reissueSchema, body);
    oneDeadline(input);
    return this.orders.reissue(p, s, id, input, new Date());
  }

  /** Escalate an order not carried out: the department head's accountability is proposed (a PROPOSED register entry). */
  @Post(':id/escalate')
  @HttpCode(200)
  @Permission('oversight.direct')
  @ApiBody({ schema: escalateSchema })
  escalate(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.orders.escalate(p, s, id, assertValid<{ comment: string }>(escalateSchema, body).comment, new Date());
  }
}
