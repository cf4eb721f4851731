import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CardAction } from '@app/domain';
import { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { assertCode, parsePage } from '../common/params';
import { assertValid } from '../common/schema-validator';
import { AlertActionsService } from './alert-actions.service';
import { AlertQueryService } from './alert-query.service';

const commentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 2000 } },
};

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertQueryService,
    private readonly actions: AlertActionsService,
  ) {}

  @Get()
  @Permission('alerts.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'regionCode', required: false })
  @ApiQuery({ name: 'level', required: false })
  @ApiQuery({ name: 'rule', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() query: Record<string, string | undefined>) {
    return this.alerts.list(scope, {
      departmentCode: query.departmentCode ? assertCode('departmentCode', query.departmentCode) : undefined,
      regionCode: query.regionCode ? assertCode('regionCode', query.regionCode) : undefined,
      level: query.level || undefined,
      rule: query.rule || undefined,
      state: query.state || undefined,
      from: query.from || undefined,
      to: query.to || undefined,
      page: parsePage(query.page),
      pageSize: query.pageSize ? Math.min(parsePage(query.pageSize, 'pageSize'), 500) : 50,
    });
  }

  @Get(':id')
  @Permission('alerts.read')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.alerts.get(scope, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Permission('alerts.respond')
  @ApiBody({ schema: commentSchema })
  acknowledge(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.run(p, s, id, 'acknowledge', body);
  }

  @Post(':id/rectify')
  @HttpCode(200)
  @Permission('alerts.respond')
  @ApiBody({ schema: commentSchema })
  rectify(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.run(p, s, id, 'rectify', body);
  }

  @Post(':id/appeal')
  @HttpCode(200)
  @Permission('alerts.respond')
  @ApiBody({ schema: commentSchema })
  appeal(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.run(p, s, id, 'appeal', body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Permission('alerts.decide')
  @ApiBody({ schema: commentSchema })
  close(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.run(p, s, id, 'close', body);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @Permission('alerts.decide')
  @ApiBody({ schema: commentSchema })
  dismiss(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.run(p, s, id, 'dismiss', body);
  }

  /** `{ decision: 'UPHOLD' | 'REJECT', comment }`: the appeal is upheld (card dismissed) or rejected (card stands). */
  @Post(':id/decide-appeal')
  @HttpCode(200)
  @Permission('alerts.decide')
  @ApiBody({ schema: { type: 'object', required: ['decision'], properties: { decision: { enum: ['UPHOLD', 'REJECT'] }, comment: { type: 'string' } } } })
  decideAppeal(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ decision: 'UPHOLD' | 'REJECT'; comment?: string }>(
      {
        type: 'object',
        additionalProperties: false,
        required: ['decision'],
        properties: { decision: { type: 'string', enum: ['UPHOLD', 'REJECT'] }, comment: { type: 'string', maxLength: 2000 } },
      },
      body,
    );
    return this.actions.act(p, s, id, input.decision === 'UPHOLD' ? 'uphold-appeal' : 'reject-appeal', input.comment, new Date());
  }

  private run(principal: Principal, scope: AccessScope, id: string, action: CardAction, body: unknown) {
    const input = assertValid<{ comment?: string }>(commentSchema, body ?? {});
    return this.actions.act(principal, scope, id, action, input.comment, new Date());
  }
}
