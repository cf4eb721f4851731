import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CODE_PATTERN } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { CurrentPrincipal, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { notFound } from '../../common/invalid-input.exception';
import { assertValid } from '../../common/schema-validator';
import { ReportRollupRebuildService } from './report-rollup-rebuild.service';

const rebuildSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    departmentCode: { type: 'string', pattern: CODE_PATTERN.source, maxLength: 64 },
    dryRun: { type: 'boolean', description: 'only compare the rollup with a recomputation; change nothing' },
  },
};

/**
 * Recomputes (or verifies, with dryRun) the daily rollups from the stored cases and events. One
 * department per request keeps a request short; without one, every department in turn.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/rollups')
export class ReportRollupsController {
  constructor(
    private readonly rebuilds: ReportRollupRebuildService,
    private readonly audit: AuditService,
  ) {}

  @Post('rebuild')
  @HttpCode(200)
  @Permission('reports.rebuild')
  @ApiBody({ schema: rebuildSchema })
  async rebuild(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    const input = assertValid<{ departmentCode?: string; dryRun?: boolean }>(rebuildSchema, body ?? {});
    const known = await this.rebuilds.departmentCodes();
    if (input.departmentCode !== undefined && !known.includes(input.departmentCode)) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    const dryRun = input.dryRun === true;
    const results = [];
    for (const code of input.departmentCode ? [input.departmentCode] : known) results.push(await this.rebuilds.rebuild(code, { dryRun }, new Date()));
    const summary = { dryRun, departments: results.length, cases: results.reduce((n, r) => n + r.cases, 0), differenceCount: results.reduce((n, r) => n + r.differenceCount, 0) };
    if (!dryRun) await this.audit.record({ actor: principal, action: 'reports.rollups.rebuild', target: `rollups:${input.departmentCode ?? '*'}`, after: summary });
    return { ...summary, results };
  }
}
