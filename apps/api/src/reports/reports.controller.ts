import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessScope } from '../auth/access-scope';
import { CurrentScope, Permission } from '../auth/auth.decorators';
import { assertCode } from '../common/params';
import { ComplianceReport, ComplianceReportService } from './compliance-report.service';
import { complianceCsv } from './render/compliance-csv';
import { complianceHtml } from './render/compliance-html';
import { complianceXlsx } from './render/compliance-xlsx';
import { asFile, parseFormat, parseLang } from './render/send-report';
import { parsePeriod } from './report-params';
import { ReportSubject, ReportSubjectsService } from './report-subjects.service';

type ReportQuery = { from?: string; to?: string; quarter?: string; format?: string; lang?: string };

const PERIOD_QUERIES = [
  ApiQuery({ name: 'from', required: false, description: 'first local day, YYYY-MM-DD' }),
  ApiQuery({ name: 'to', required: false, description: 'last local day, YYYY-MM-DD (inclusive)' }),
  ApiQuery({ name: 'quarter', required: false, description: 'instead of from/to, e.g. 2025Q4; default: the current quarter' }),
  ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx', 'html'] }),
  ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] }),
];
const periodQueries = (): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of PERIOD_QUERIES) decorate(target, key, descriptor);
};

/** Departmental, regional and city-wide compliance reports (domain.md §8), in four formats. */
@ApiTags('reports')
@ApiBearerAuth()
@Permission('reports.read')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly subjects: ReportSubjectsService,
    private readonly reports: ComplianceReportService,
  ) {}

  @Get('departments/:code')
  @periodQueries()
  async department(@CurrentScope() scope: AccessScope, @Param('code') code: string, @Query() query: ReportQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.subjects.department(assertCode('code', code), scope), query, reply, `compliance-${code}`);
  }

  @Get('regions/:regionCode')
  @periodQueries()
  async region(@CurrentScope() scope: AccessScope, @Param('regionCode') code: string, @Query() query: ReportQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.subjects.region(assertCode('regionCode', code), scope), query, reply, `compliance-region-${code}`);
  }

  @Get('city')
  @periodQueries()
  async city(@CurrentScope() scope: AccessScope, @Query() query: ReportQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.subjects.city(scope), query, reply, 'compliance-city');
  }

  private async answer(subject: ReportSubject, query: ReportQuery, reply: FastifyReply, name: string): Promise<ComplianceReport | string | Buffer> {
    const format = parseFormat(query.format);
    const lang = parseLang(query.lang);
    const now = new Date();
    const report = await this.reports.build(subject, parsePeriod(query, now), now);
    const file = `${name}-${report.period.from}-${report.period.to}`;
    switch (format) {
      case 'json':
        return report;
      case 'csv':
        return asFile(reply, format, file, complianceCsv(report, lang));
      case 'xlsx':
        return asFile(reply, format, file, await complianceXlsx(report, lang));
      case 'html':
        return asFile(reply, format, file, await complianceHtml(report, lang));
    }
  }
}
