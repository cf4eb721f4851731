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
import {
  appealDecisionSchema,
  appealSchema,
  DepartmentEntryInput,
  departmentEntryInputSchema,
  EntryInput,
  entryInputSchema,
  FaultInput,
  faultInputSchema,
  ProposalConfirmation,
  proposalConfirmationSchema,
  proposalDismissalSchema,
  WarningTalkInput,
  warningTalkInputSchema,
} from './register-input';
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

  /** A department head's accountability, a reprimand (训诫) or an admonitory talk (诫勉谈话). */
  @Post('entries')
  @Permission('register.decide')
  @ApiBody({ schema: entryInputSchema })
  recordEntry(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.register.recordEntry(p, s, assertValid<EntryInput>(entryInputSchema, body), new Date());
  }

  /** A department as a whole: 通报批评 / 警告 (counted in the quarterly grade), or 违纪所得款项 (amount, recovered or to the treasury). */
  @Post('department-entries')
  @Permission('register.decide')
  @ApiBody({ schema: departmentEntryInputSchema })
  recordDepartmentEntry(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.register.recordDepartmentEntry(p, s, assertValid<DepartmentEntryInput>(departmentEntryInputSchema, body), new Date());
  }

  /** A centre supervisor confirms a proposed head accountability with the measure decided. */
  @Post('entries/:id/confirm-proposal')
  @HttpCode(200)
  @Permission('register.decideProposals')
  @ApiBody({ schema: proposalConfirmationSchema })
  confirmProposal(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.register.confirmProposal(p, s, id, assertValid<ProposalConfirmation>(proposalConfirmationSchema, body), new Date());
  }

  /** …or dismisses it (kept, DISMISSED, counting for nothing). */
  @Post('entries/:id/dismiss-proposal')
  @HttpCode(200)
  @Permission('register.decideProposals')
  @ApiBody({ schema: proposalDismissalSchema })
  dismissProposal(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.register.dismissProposal(p, s, id, assertValid<{ comment: string }>(proposalDismissalSchema, body).comment, new Date());
  }

  /** 警醒谈话: a department supervisor records this year's talk with one of the department's officers. */
  @Post('warning-talks')
  @Permission('register.warningTalks')
  @ApiBody({ schema: warningTalkInputSchema })
  recordWarningTalk(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.register.recordWarningTalk(p, s, assertValid<WarningTalkInput>(warningTalkInputSchema, body), new Date());
  }

  /** Per department in scope: how many of its officers had a warning talk in the year. */
  @Get('warning-talks/coverage')
  @Permission('register.read')
  @ApiQuery({ name: 'year', required: true })
  @ApiQuery({ name: 'departmentCode', required: false })
  async warningTalkCoverage(@CurrentScope() scope: AccessScope, @Query('year') year?: string, @Query('departmentCode') departmentCode?: string) {
    const y = parseYear(year);
    return { year: y, departments: await this.queries.warningTalkCoverage(scope, y, departmentCode ? assertCode('departmentCode', departmentCode) : undefined) };
  }

  @Get('entries')
  @Permission('register.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'officerId', required: false })
  @ApiQuery({ name: 'year', required: false })
  @ApiQuery({ name: 'kind', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'subjectKind', required: false, description: 'OFFICER | DEPARTMENT' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    return this.queries.list(scope, {
      departmentCode: q.departmentCode ? assertCode('departmentCode', q.departmentCode) : undefined,
      officerId: q.officerId ? assertText('officerId', q.officerId, 64) : undefined,
      year: q.year ? parseYear(q.year) : undefined,
      kind: q.kind || undefined,
      state: q.state || undefined,
      subjectKind: q.subjectKind || undefined,
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
    const code = departmentCode ? assertCode('departmentCode', departmentCode) : undefined;
    const { officers } = await this.queries.year(scope, parseYear(year), code);
    return { year: Number(year), officers, warningTalks: await this.queries.warningTalkCoverage(scope, Number(year), code) };
  }

  /** The year's register as an XLSX workbook for the personnel department. */
  @Get('years/:year/export')
  @Permission('register.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  async export(@CurrentScope() scope: AccessScope, @Param('year') raw: string, @Res({ passthrough: true }) reply: FastifyReply, @Query('departmentCode') departmentCode?: string) {
    const year = parseYear(raw);
    const code = departmentCode ? assertCode('departmentCode', departmentCode) : undefined;
    const { officers, entries } = await this.queries.year(scope, year, code);
    const coverage = await this.queries.warningTalkCoverage(scope, year, code);
    return asFile(reply, 'xlsx', `accountability-register-${year}`, await registerXlsx(year, officers, entries, coverage, new Date()));
  }
}
