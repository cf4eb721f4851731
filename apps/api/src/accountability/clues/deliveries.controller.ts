import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertCode } from '../../common/params';
import { assertValid } from '../../common/schema-validator';
import { asFile } from '../../reports/render/send-report';
import { parseOversightListQuery } from '../oversight-http';
import { acknowledgeInputSchema } from './clue-input';
import { deliveriesCsv, deliveriesXlsx } from './deliveries-export';
import { DeliveriesService } from './deliveries.service';

const filterOf = (q: Record<string, string | undefined>) => ({ bodyCode: q.bodyCode ? assertCode('bodyCode', q.bodyCode) : undefined, kind: q.kind || undefined });

/** 反馈 / 抄送 / 移送: what went to which body; a body's liaison acknowledges and answers its own. */
@ApiTags('clues')
@ApiBearerAuth()
@Controller('api/v1/clue-deliveries')
export class ClueDeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @Permission('deliveries.read')
  @ApiQuery({ name: 'bodyCode', required: false })
  @ApiQuery({ name: 'kind', required: false, description: 'FEEDBACK | COPY | REFERRAL' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    const { page, pageSize } = parseOversightListQuery({ page: q.page, pageSize: q.pageSize });
    return this.deliveries.list(scope, { ...filterOf(q), page, pageSize });
  }

  /** The deliveries in scope as XLSX or CSV (Chinese headings). */
  @Get('export')
  @Permission('deliveries.read')
  @ApiQuery({ name: 'format', required: true, description: 'xlsx | csv' })
  @ApiQuery({ name: 'bodyCode', required: false })
  @ApiQuery({ name: 'kind', required: false })
  async export(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>, @Res({ passthrough: true }) reply: FastifyReply) {
    if (q.format !== 'xlsx' && q.format !== 'csv') throw new InvalidInputException([{ path: 'format', message: 'must be xlsx or csv' }]);
    const rows = await this.deliveries.all(scope, filterOf(q));
    return q.format === 'csv' ? asFile(reply, 'csv', 'clue-deliveries', deliveriesCsv(rows)) : asFile(reply, 'xlsx', 'clue-deliveries', await deliveriesXlsx(rows, new Date()));
  }

  @Get(':id')
  @Permission('deliveries.read')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.deliveries.get(scope, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Permission('deliveries.respond')
  @ApiBody({ schema: acknowledgeInputSchema })
  acknowledge(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ reply?: string }>(acknowledgeInputSchema, body ?? {});
    return this.deliveries.acknowledge(p, s, id, input.reply, new Date());
  }
}
