import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { AccessScope } from '../../auth/access-scope';
import { CurrentScope, Permission } from '../../auth/auth.decorators';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertCode } from '../../common/params';
import { toCsv } from '../render/csv';
import { asFile } from '../render/send-report';
import { parsePeriod } from '../report-params';
import { ReportSubjectsService } from '../report-subjects.service';
import { MonitoringExportService, MonitoringRow } from './monitoring-export.service';

const COLUMNS: { key: keyof MonitoringRow; zh: string }[] = [
  { key: 'departmentCode', zh: '部门' },
  { key: 'caseId', zh: '办件编号' },
  { key: 'itemCode', zh: '事项' },
  { key: 'status', zh: '状态' },
  { key: 'acceptedAt', zh: '受理时间' },
  { key: 'decidedAt', zh: '决定时间' },
  { key: 'closedAt', zh: '办结/终止时间' },
  { key: 'outcome', zh: '决定结果' },
  { key: 'promisedDueOn', zh: '承诺期限' },
  { key: 'promisedState', zh: '承诺时限状态' },
  { key: 'statutoryDueOn', zh: '法定期限' },
  { key: 'statutoryState', zh: '法定时限状态' },
  { key: 'usedWorkingDays', zh: '已用工作日' },
  { key: 'prompts', zh: '预警提示' },
  { key: 'yellowCards', zh: '黄牌' },
  { key: 'redCards', zh: '红牌' },
];

/** Read-only monitoring data for the finance, audit, legal and personnel departments (CSV or XLSX). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/exports')
export class MonitoringExportController {
  constructor(
    private readonly subjects: ReportSubjectsService,
    private readonly exports: MonitoringExportService,
  ) {}

  @Get('monitoring')
  @Permission('reports.read')
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'quarter', required: false })
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  async monitoring(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = q.format ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx') throw new InvalidInputException([{ path: 'format', message: 'must be csv or xlsx' }]);
    const period = parsePeriod(q, new Date());
    const subject = q.departmentCode ? await this.subjects.department(assertCode('departmentCode', q.departmentCode), scope) : await this.subjects.city(scope);
    const { rows, truncated } = await this.exports.rows(subject.departments.map((d) => d.code), period);
    void reply.header('x-truncated', String(truncated));
    const file = `monitoring-${q.departmentCode ?? 'city'}-${period.from}-${period.to}`;
    if (format === 'csv') return asFile(reply, 'csv', file, toCsv([COLUMNS.map((c) => c.zh), ...rows.map((r) => COLUMNS.map((c) => r[c.key]))]));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('办件监察数据');
    sheet.columns = COLUMNS.map((c) => ({ header: c.zh, key: c.key, width: 16 }));
    for (const row of rows) sheet.addRow(row);
    return asFile(reply, 'xlsx', file, Buffer.from(await book.xlsx.writeBuffer()));
  }
}
