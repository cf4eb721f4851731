import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertCode, assertText, parsePage } from '../../common/params';
import { assertValid } from '../../common/schema-validator';
import { asFile } from '../../reports/render/send-report';
import { appealDecisionSchema, appealSchema, EntryInput, entryInputSchema, FaultInput, faultInputSchema } from './register-input';
import { RegisterQueryService } from './register-query.service';
import { RegisterService } from './register.service';
import { registerXlsx } from './register-xlsx';

function parseYear(raw: string | undefined, name = 'year'): number {
  if (!raw || !/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) throw new InvalidInputException([{ path: name, message: 'must be a year like 2025' }]);
  return Number(raw);
}

/** 岗位责任和行政责任追究信息库: records, appeals, an officer's year, and the personnel export. */
@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/register')
export class RegisterController {
  constructor(
    private readonly register: RegisterService,
    private readonly queries: RegisterQueryService,
  ) {}

  /** A supervisor turns a confirmed YELLOW or RED card into an officer's fault. */
  @Post('faults')
  @Permission('register.decide')
  @ApiBody({ schema: faultInputSchema })
  recordFault(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.register.recordFault(p, s, assertValid<FaultInput>(faultInputSchema, body), new Date());
  }

  /** A department head's accountability, a reprimand (训诫) or a warning talk (警醒谈话). */
  @Post('entries')
  @Permission('register.decide')
  @ApiBody({ schema: entryInputSchema })
  recordEntry(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.register.recordEntry(p, s, assertValid<EntryInput>(entryInputSchema, body), new Date());
  }

  @Get('entries')
  @Permission('register.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'officerId', required: false })
  @ApiQuery({ name: 'year', required: false })
  @ApiQuery({ name: 'kind', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    return this.queries.list(scope, {
      departmentCode: q.departmentCode ? assertCode('departmentCode', q.departmentCode) : undefined,
      officerId: q.officerId ? assertText('officerId', q.officerId, 64) : undefined,
      year: q.year ? parseYear(q.year) : undefined,
      kind: q.kind || undefined,
      state: q.state || undefined,
      page: parsePage(q.page),
      pageSize: q.pageSize ? Math.min(parsePage(q.pageSize, 'pageSize'), 500) : 50,
    });
  }

  @Get('entries/:id')
  @Permission('register.read')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.queries.get(scope, id);
  }

  @Post('entries/:id/appeal')
  @HttpCode(200)
  @Permission('register.appeal')
  @ApiBody({ schema: appealSchema })
  appeal(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.register.appeal(p, s, id, assertValid<{ reason: string }>(appealSchema, body).reason, new Date());
  }

  @Post('entries/:id/decide-appeal')
  @HttpCode(200)
  @Permission('register.decide')
  @ApiBody({ schema: appealDecisionSchema })
  decideAppeal(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ decision: 'UPHOLD' | 'REJECT'; comment: string }>(appealDecisionSchema, body);
    return this.register.decideAppeal(p, s, id, input.decision, input.comment, new Date());
  }

  /** Faults by severity, award eligibility and the annual-assessment consequence of one officer's year. */
  @Get('officers/:officerId/years/:year')
  @Permission('register.read')
  officerYear(@CurrentScope() scope: AccessScope, @Param('officerId') officerId: string, @Param('year') year: string) {
    return this.queries.officerYear(scope, assertText('officerId', officerId, 64), parseYear(year));
  }

  @Get('years/:year')
  @Permission('register.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  async year(@CurrentScope() scope: AccessScope, @Param('year') year: string, @Query('departmentCode') departmentCode?: string) {
    const { officers } = await this.queries.year(scope, parseYear(year), departmentCode ? assertCode('departmentCode', departmentCode) : undefined);
    return { year: Number(year), officers };
  }

  /** The year's register as an XLSX workbook for the personnel department. */
  @Get('years/:year/export')
  @Permission('register.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  async export(@CurrentScope() scope: AccessScope, @Param('year') raw: string, @Res({ passthrough: true }) reply: FastifyReply, @Query('departmentCode') departmentCode?: string) {
    const year = parseYear(raw);
    const { officers, entries } = await this.queries.year(scope, year, departmentCode ? assertCode('departmentCode', departmentCode) : undefined);
    return asFile(reply, 'xlsx', `accountability-register-${year}`, await registerXlsx(year, officers, entries, new Date()));
  }
}
