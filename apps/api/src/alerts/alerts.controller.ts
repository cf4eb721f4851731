import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ALERT_LEVELS, CASE_RULE_CODES, CODE_PATTERN } from '@app/contracts';
import { CardAction } from '@app/domain';
import { permits } from '../auth/access-policy';
import { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { assertCode, assertText, parsePage } from '../common/params';
import { InvalidInputException } from '../common/invalid-input.exception';
import { assertValid } from '../common/schema-validator';
import { AlertActionsService } from './alert-actions.service';
import { ALERT_SORT_KEYS, AlertQueryService } from './alert-query.service';
import { BATCH_CLOSE_MAX, BatchCloseService } from './batch-close.service';
import { ManualCardInput, ManualCardsService } from './manual-cards.service';

const commentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 2000 } },
};

const batchCloseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ids', 'reason'],
  properties: {
    ids: { type: 'array', minItems: 1, maxItems: BATCH_CLOSE_MAX, uniqueItems: true, items: { type: 'string', format: 'uuid' } },
    reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S', description: 'one reason for every card of the batch' },
  },
};

const discardSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S', description: 'why the held card is not issued' } },
};

const decideAppealSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['decision'],
  properties: {
    decision: { type: 'string', enum: ['MAINTAIN', 'REVOKE', 'UPHOLD', 'REJECT'], description: 'MAINTAIN = the card stands; REVOKE = the card is revoked (UPHOLD/REJECT: the appeal upheld/rejected, older words)' },
    reply: { type: 'string', minLength: 1, maxLength: 2000, description: 'the written reply to the department' },
    comment: { type: 'string', maxLength: 2000, description: 'older name of reply' },
  },
};

const manualCardSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['departmentCode', 'level', 'reason'],
  properties: {
    departmentCode: { type: 'string', minLength: 1, maxLength: 32, pattern: CODE_PATTERN.source },
    caseId: { type: 'string', minLength: 1, maxLength: 64, description: 'the case the card is about (optional: a department-level card without)' },
    level: { type: 'string', enum: [...ALERT_LEVELS] },
    reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S', description: 'why the card is raised (shown to the department)' },
    concerns: { type: 'string', enum: [...CASE_RULE_CODES], description: 'the catalogue rule the irregularity falls under, if any' },
    responsibleOfficerId: { type: 'string', minLength: 1, maxLength: 64, description: 'default: the case’s responsible officer' },
  },
};

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertQueryService,
    private readonly actions: AlertActionsService,
    private readonly manual: ManualCardsService,
    private readonly batch: BatchCloseService,
  ) {}

  @Get()
  @Permission('alerts.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'regionCode', required: false })
  @ApiQuery({ name: 'caseId', required: false, description: 'the cards of one case' })
  @ApiQuery({ name: 'level', required: false })
  @ApiQuery({ name: 'rule', required: false })
  @ApiQuery({ name: 'state', required: false, description: 'one state, or several separated by commas' })
  @ApiQuery({ name: 'officerId', required: false, description: 'cards of cases this officer is responsible for' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'sort', required: false, description: `one of ${ALERT_SORT_KEYS.join(', ')}; prefix - for descending (default -raisedAt)` })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentPrincipal() p: Principal, @CurrentScope() scope: AccessScope, @Query() query: Record<string, string | undefined>) {
    return this.alerts.list(scope, {
      includeHeld: permits('alerts.decide', p.kind),
      departmentCode: query.departmentCode ? assertCode('departmentCode', query.departmentCode) : undefined,
      regionCode: query.regionCode ? assertCode('regionCode', query.regionCode) : undefined,
      caseId: query.caseId ? assertText('caseId', query.caseId, 64) : undefined,
      level: query.level || undefined,
      rule: query.rule || undefined,
      state: query.state || undefined,
      officerId: query.officerId ? assertCode('officerId', query.officerId) : undefined,
      from: query.from || undefined,
      to: query.to || undefined,
      sort: query.sort || undefined,
      page: parsePage(query.page),
      pageSize: query.pageSize ? Math.min(parsePage(query.pageSize, 'pageSize'), 500) : 50,
    });
  }

  /** 人工发牌: a card raised by hand (rule MANUAL), issued at once, with the same lifecycle as every card. */
  @Post()
  @HttpCode(201)
  @Permission('alerts.issue')
  @ApiBody({ schema: manualCardSchema })
  raise(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.manual.raise(p, s, assertValid<ManualCardInput>(manualCardSchema, body), new Date());
  }

  /** 批量摘牌: close up to 200 rectified cards with one reason, all or none; a refusal names each card and why. */
  @Post('batch-close')
  @HttpCode(200)
  @Permission('alerts.decide')
  @ApiBody({ schema: batchCloseSchema })
  batchClose(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    const input = assertValid<{ ids: string[]; reason: string }>(batchCloseSchema, body);
    return this.batch.close(p, s, input.ids, input.reason, new Date());
  }

  @Get(':id')
  @Permission('alerts.read')
  get(@CurrentPrincipal() p: Principal, @CurrentScope() scope: AccessScope, @Param('id') id: string) {
    // Those who may confirm a held card see it; for the department it is not issued yet.
    return this.alerts.get(scope, id, permits('alerts.decide', p.kind));
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

  /** 确认发牌: issue a held card (PENDING → OPEN): announced and on the wall from now. */
  @Post(':id/confirm')
  @HttpCode(200)
  @Permission('alerts.decide')
  @ApiBody({ schema: commentSchema })
  confirm(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ comment?: string }>(commentSchema, body ?? {});
    return this.actions.confirm(p, s, id, input.comment, new Date());
  }

  /** Discard a held card with the reason it should not be issued (PENDING → DISCARDED); nobody was told of it. */
  @Post(':id/discard')
  @HttpCode(200)
  @Permission('alerts.decide')
  @ApiBody({ schema: discardSchema })
  discard(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ reason: string }>(discardSchema, body);
    return this.actions.act(p, s, id, 'discard', input.reason, new Date());
  }

  /**
   * The centre's answer to an appeal, with a written reply: `MAINTAIN` (the card stands, back where
   * it was before the appeal) or `REVOKE` (the card was wrong: REVOKED, counted apart in reports).
   * The earlier words are still accepted: `REJECT` (the appeal) = MAINTAIN, `UPHOLD` (the appeal) =
   * REVOKE; `comment` is accepted for `reply`.
   */
  @Post(':id/decide-appeal')
  @HttpCode(200)
  @Permission('alerts.decide')
  @ApiBody({ schema: decideAppealSchema })
  decideAppeal(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ decision: 'MAINTAIN' | 'REVOKE' | 'UPHOLD' | 'REJECT'; reply?: string; comment?: string }>(decideAppealSchema, body);
    const reply = input.reply ?? input.comment;
    if (!reply?.trim()) throw new InvalidInputException([{ path: 'reply', message: 'a written reply to the appeal is required' }]);
    const decision = input.decision === 'REVOKE' || input.decision === 'UPHOLD' ? 'REVOKE' : 'MAINTAIN';
    return this.actions.decideAppeal(p, s, id, decision, reply, new Date());
  }

  private run(principal: Principal, scope: AccessScope, id: string, action: CardAction, body: unknown) {
    const input = assertValid<{ comment?: string }>(commentSchema, body ?? {});
    return this.actions.act(principal, scope, id, action, input.comment, new Date());
  }
}
