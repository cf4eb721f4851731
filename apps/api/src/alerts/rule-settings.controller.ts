import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DEFAULT_RULE_SETTINGS, resolveRuleSettings, RULESET_VERSION, RuleSettingsOverrides, ruleThresholdProblems } from '@app/domain';
import { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../auth/auth.decorators';
import { assertCode } from '../common/params';
import { RuleSettingsDryRunService } from './rule-settings-dry-run.service';
import { Principal, principalId } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { problemToFieldError } from '../common/problem-field-error';
import { InvalidInputException } from '../common/invalid-input.exception';
import { RuleSettingsRepository } from './rule-settings.repository';

/**
 * The centre's thresholds over the rule defaults (domain.md §6), e.g. when late reporting starts to
 * be watched. An item's own `thresholds` override these. Every change is audited.
 */
@ApiTags('rules')
@ApiBearerAuth()
@Controller('api/v1/rule-settings')
export class RuleSettingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: RuleSettingsRepository,
    private readonly audit: AuditService,
    private readonly dryRuns: RuleSettingsDryRunService,
  ) {}

  @Get()
  @Permission('catalogue.read')
  async get() {
    const overrides = await this.settings.centreOverrides(this.dataSource.manager);
    return { rulesetVersion: RULESET_VERSION, defaults: DEFAULT_RULE_SETTINGS, overrides, effective: resolveRuleSettings(undefined, overrides) };
  }

  /** A supervision decision (rules.configure), not administration: the audit entry keeps before and after. */
  @Put()
  @Permission('rules.configure')
  @ApiBody({ schema: { type: 'object', description: 'overrides keyed by rule code, e.g. { "LATE_REPORTING": { "maxDelayHours": 48 } }' } })
  async put(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const overrides = validOverrides(body);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.settings.centreOverrides(manager);
      await this.settings.save(manager, overrides, new Date(), principalId(principal));
      await this.audit.record({ actor: principal, action: 'rule_settings.put', target: 'rule_settings', before, after: overrides }, manager);
    });
    return this.get();
  }

  /**
   * "This change would have raised N cards": the same body as the PUT, evaluated by the rules over
   * the stored histories of the last 30 days in the caller's scope (optionally one department),
   * against the settings in force. Nothing is written.
   */
  @Post('dry-run')
  @HttpCode(200)
  @Permission('rules.dryRun')
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiBody({ schema: { type: 'object', description: 'the proposed overrides, exactly as for PUT /api/v1/rule-settings' } })
  dryRun(@Body() body: unknown, @CurrentScope() scope: AccessScope, @Query('departmentCode') departmentCode?: string) {
    const overrides = validOverrides(body);
    return this.dryRuns.run(scope, overrides, departmentCode ? assertCode('departmentCode', departmentCode) : undefined, new Date());
  }
}

function validOverrides(body: unknown): RuleSettingsOverrides {
  const problems = body === null || typeof body !== 'object' || Array.isArray(body) ? ['(body) must be an object keyed by rule code'] : ruleThresholdProblems(body);
  if (problems.length > 0) throw new InvalidInputException(problems.map((p) => problemToFieldError(p)));
  return body as RuleSettingsOverrides;
}

