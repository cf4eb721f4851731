import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  COUNTY_REPORT_ACK_SCHEMA,
  COUNTY_REPORT_EDIT_SCHEMA,
  COUNTY_REPORT_GUIDANCE_SCHEMA,
  COUNTY_REPORT_SCHEMA,
  COUNTY_REPORT_SETTINGS_SCHEMA,
} from '@app/contracts';
import { lastEndedQuarter } from '@app/domain/reports';
import { CurrentPrincipal, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { assertCode } from '../../common/params';
import { assertValid } from '../../common/schema-validator';
import { quarterParam } from '../meetings/quarter-param';
import { CountyReportSettings, CountyReportSettingsRepository } from './county-report-settings';
import { CountyReportInput, CountyReportService } from './county-report.service';

/**
 * 县区报告: a county (region) drafts its quarterly report from its own data and its supervisor signs
 * it off; the city acknowledges it, sends guidance, and sees which counties are late.
 */
@ApiTags('county reports')
@ApiBearerAuth()
@Controller('api/v1/county-reports')
export class CountyReportsController {
  constructor(
    private readonly reports: CountyReportService,
    private readonly settings: CountyReportSettingsRepository,
  ) {}

  @Post()
  @Permission('countyReports.write')
  @ApiBody({ schema: COUNTY_REPORT_SCHEMA as object })
  async create(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    const input = assertValid<CountyReportInput>(COUNTY_REPORT_SCHEMA, body);
    return this.reports.create(p, await this.reports.regionScope(p), input, new Date());
  }

  @Get()
  @Permission('countyReports.read')
  @ApiQuery({ name: 'period', required: false })
  @ApiQuery({ name: 'regionCode', required: false })
  async list(@CurrentPrincipal() p: Principal, @Query() q: { period?: string; regionCode?: string }) {
    const regionCode = q.regionCode ? assertCode('regionCode', String(q.regionCode)) : undefined;
    const period = q.period ? quarterParam(String(q.period), 'period').key : undefined;
    return this.reports.list(await this.reports.regionScope(p), { period, regionCode });
  }

  /** Every county's standing for a period (default: the last ended quarter); `late` lists those with nothing submitted past the due day. */
  @Get('late')
  @Permission('countyReports.review')
  @ApiQuery({ name: 'period', required: false })
  late(@Query() q: { period?: string }) {
    const now = new Date();
    return this.reports.standing(q.period ? quarterParam(String(q.period), 'period') : lastEndedQuarter(now, COUNTING_POLICY), now);
  }

  @Get('settings')
  @Permission('countyReports.read')
  getSettings() {
    return this.settings.current();
  }

  @Put('settings')
  @Permission('countyReports.review')
  @ApiBody({ schema: COUNTY_REPORT_SETTINGS_SCHEMA as object })
  putSettings(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.settings.put(p, assertValid<CountyReportSettings>(COUNTY_REPORT_SETTINGS_SCHEMA, body), new Date());
  }

  @Get(':id')
  @Permission('countyReports.read')
  async get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.reports.get(await this.reports.regionScope(p), id);
  }

  @Put(':id')
  @Permission('countyReports.write')
  @ApiBody({ schema: COUNTY_REPORT_EDIT_SCHEMA as object })
  async edit(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: unknown) {
    const input = assertValid<{ narrative?: string; regenerate?: boolean }>(COUNTY_REPORT_EDIT_SCHEMA, body);
    return this.reports.edit(p, await this.reports.regionScope(p), id, input, new Date());
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Permission('countyReports.write')
  async submit(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.reports.submit(p, await this.reports.regionScope(p), id, new Date());
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Permission('countyReports.review')
  @ApiBody({ schema: COUNTY_REPORT_ACK_SCHEMA as object })
  acknowledge(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.reports.acknowledge(p, id, assertValid<{ comment?: string }>(COUNTY_REPORT_ACK_SCHEMA, body ?? {}).comment, new Date());
  }

  @Post(':id/guidance')
  @HttpCode(200)
  @Permission('countyReports.review')
  @ApiBody({ schema: COUNTY_REPORT_GUIDANCE_SCHEMA as object })
  guide(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.reports.guide(p, id, assertValid<{ text: string }>(COUNTY_REPORT_GUIDANCE_SCHEMA, body).text, new Date());
  }
}
