import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertCode, parsePage } from '../../common/params';
import { assertValid } from '../../common/schema-validator';
import { OrderInput, SupervisionOrderService } from './supervision-order.service';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });

const orderSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['departmentCode', 'subject', 'detail'],
  properties: {
    departmentCode: { type: 'string', minLength: 1, maxLength: 32 },
    subject: text(300),
    detail: text(4000),
    caseId: { type: 'string', minLength: 1, maxLength: 64 },
    alertId: { type: 'string', format: 'uuid' },
    deadlineWorkingDays: { type: 'integer', minimum: 1, maximum: 250, description: 'default: the report settings’ supervisionOrderWorkingDays' },
    dueOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'instead of deadlineWorkingDays: the last local day' },
  },
};
const replySchema = { type: 'object', additionalProperties: false, required: ['reply'], properties: { reply: text(4000) } };
const closeSchema = { type: 'object', additionalProperties: false, required: ['comment'], properties: { comment: text(2000) } };

/** 督办 / 限期整改: the centre orders, the department replies, the centre closes. */
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
    if (input.dueOn !== undefined && input.deadlineWorkingDays !== undefined) {
      throw new InvalidInputException([{ path: 'dueOn', message: 'give either dueOn or deadlineWorkingDays' }]);
    }
    return this.orders.issue(p, s, input, new Date());
  }

  @Get()
  @Permission('oversight.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    return this.orders.list(
      scope,
      {
        departmentCode: q.departmentCode ? assertCode('departmentCode', q.departmentCode) : undefined,
        state: q.state || undefined,
        page: parsePage(q.page),
        pageSize: q.pageSize ? Math.min(parsePage(q.pageSize, 'pageSize'), 500) : 50,
      },
      new Date(),
    );
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
}
