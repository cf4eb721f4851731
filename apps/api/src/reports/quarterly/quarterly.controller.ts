import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessScope, inScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { quarterlyCsv, quarterlyHtml, quarterlyXlsx } from '../render/quarterly-renderers';
import { asFile, parseFormat, parseLang } from '../render/send-report';
import { parseQuarterParam } from '../report-params';
import { packForScope, QuarterlyPack } from './quarterly-pack';
import { QuarterlyReportService } from './quarterly-report.service';

/**
 * The joint meeting's quarterly pack: the stored one (generated at quarter end or on demand), or a
 * live computation (`live=true`, or when none is stored). Bound principals see their departments'
 * rows only, with their city-wide ranks.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/quarterly')
export class QuarterlyController {
  constructor(
    private readonly quarterly: QuarterlyReportService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Permission('reports.read')
  list() {
    return this.quarterly.list();
  }

  @Get(':quarter')
  @Permission('reports.read')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx', 'html'] })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  @ApiQuery({ name: 'live', required: false, enum: ['true', 'false'] })
  async get(
    @CurrentScope() scope: AccessScope,
    @Param('quarter') raw: string,
    @Query() query: { format?: string; lang?: string; live?: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const quarter = parseQuarterParam(raw);
    const format = parseFormat(query.format);
    const lang = parseLang(query.lang);
    if (query.live !== undefined && !['true', 'false'].includes(query.live)) throw new InvalidInputException([{ path: 'live', message: 'must be true or false' }]);
    const stored = query.live === 'true' ? null : await this.quarterly.stored(quarter.key);
    const pack: QuarterlyPack =
      stored?.status === 'READY' && stored.content ? (stored.content as unknown as QuarterlyPack) : await this.quarterly.compute(quarter, new Date(), 'live');
    const view = packForScope(pack, (code) => inScope(scope, code));
    const file = `joint-meeting-${quarter.key}`;
    switch (format) {
      case 'json':
        return view;
      case 'csv':
        return asFile(reply, format, file, quarterlyCsv(view, lang));
      case 'xlsx':
        return asFile(reply, format, file, await quarterlyXlsx(view, lang));
      case 'html':
        return asFile(reply, format, file, await quarterlyHtml(view, lang));
    }
  }

  /** Generates and stores the pack now (again, if it exists), with the settings in force. */
  @Post(':quarter/generate')
  @HttpCode(200)
  @Permission('reports.configure')
  async generate(@CurrentPrincipal() principal: Principal, @Param('quarter') raw: string) {
    const quarter = parseQuarterParam(raw);
    const now = new Date();
    const pack = await this.quarterly.compute(quarter, now, 'on-demand');
    await this.quarterly.store(pack, principalId(principal), false, now);
    await this.audit.record({
      actor: principal,
      action: 'reports.quarterly.generate',
      target: `quarterly:${quarter.key}`,
      after: { departments: pack.rows.length, grades: pack.rows.map((r) => [r.departmentCode, r.score.grade]) },
    });
    return { quarter: quarter.key, status: 'READY', generatedAt: pack.generatedAt, departments: pack.rows.length };
  }
}
