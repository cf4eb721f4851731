import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DEFAULT_RULE_SETTINGS, resolveRuleSettings, RULESET_VERSION, RuleSettingsOverrides, ruleThresholdProblems } from '@app/domain';
import { CurrentPrincipal, Permission } from '../auth/auth.decorators';
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
  ) {}

  @Get()
  @Permission('catalogue.read')
  async get() {
    const overrides = await this.settings.centreOverrides(this.dataSource.manager);
    return { rulesetVersion: RULESET_VERSION, defaults: DEFAULT_RULE_SETTINGS, overrides, effective: resolveRuleSettings(undefined, overrides) };
  }

  @Put()
  @Permission('catalogue.write')
  @ApiBody({ schema: { type: 'object', description: 'overrides keyed by rule code, e.g. { "LATE_REPORTING": { "maxDelayHours": 48 } }' } })
  async put(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const problems = body === null || typeof body !== 'object' || Array.isArray(body) ? ['(body) must be an object keyed by rule code'] : ruleThresholdProblems(body);
    if (problems.length > 0) {
      throw new InvalidInputException(problems.map((p) => problemToFieldError(p)));
    }
    const overrides = body as RuleSettingsOverrides;
    await this.dataSource.transaction(async (manager) => {
      const before = await this.settings.centreOverrides(manager);
      await this.settings.save(manager, overrides, new Date(), principalId(principal));
      await this.audit.record({ actor: principal, action: 'rule_settings.put', target: 'rule_settings', before, after: overrides }, manager);
    });
    return this.get();
  }
}

