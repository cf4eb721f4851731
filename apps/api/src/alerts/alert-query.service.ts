import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALERT_LEVELS, CARD_RULE_CODES } from '@app/contracts';
import { CARD_STATES, CaseClock, clockSettingsFor, resolveRuleSettings } from '@app/domain';
import { AccessScope, departmentFilter, inScope } from '../auth/access-scope';
import { CatalogueReader } from '../catalogue/catalogue.reader';
import { CaseClocksService } from '../cases/case-clocks.service';
import { InvalidInputException } from '../common/invalid-input.exception';
import { EventStoreRepository } from '../ingest/event-store.repository';
import { AlertEntity, AlertTransitionEntity } from '../persistence/entities';
import { RuleSettingsRepository } from './rule-settings.repository';

export interface AlertListFilter {
  departmentCode?: string;
  regionCode?: string;
  level?: string;
  rule?: string;
  state?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

function oneOf(path: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new InvalidInputException([{ path, message: `must be one of ${allowed.join(', ')}` }]);
  }
}

function instant(path: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw new InvalidInputException([{ path, message: 'must be an ISO-8601 date or instant' }]);
  return new Date(ms);
}

/** Cards as the people in scope may see them: a card outside the scope does not exist for them. */
@Injectable()
export class AlertQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStoreRepository,
    private readonly catalogue: CatalogueReader,
    private readonly clocks: CaseClocksService,
    private readonly ruleSettings: RuleSettingsRepository,
  ) {}

  async list(scope: AccessScope, filter: AlertListFilter) {
    oneOf('level', filter.level, ALERT_LEVELS);
    oneOf('rule', filter.rule, CARD_RULE_CODES);
    oneOf('state', filter.state, CARD_STATES);
    const from = instant('from', filter.from);
    const to = instant('to', filter.to);
    const departments = departmentFilter(scope, filter.departmentCode);
    if (departments !== undefined && departments.length === 0) return { page: filter.page, pageSize: filter.pageSize, total: 0, items: [] };
    const query = this.dataSource
      .getRepository(AlertEntity)
      .createQueryBuilder('a')
      .orderBy('a.raisedAt', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    if (departments !== undefined) query.andWhere('a.departmentCode IN (:...departments)', { departments });
    if (filter.regionCode) {
      query.andWhere('a.departmentCode IN (SELECT d.code FROM departments d WHERE d.region_code = :region)', { region: filter.regionCode });
    }
    if (filter.level) query.andWhere('a.level = :level', { level: filter.level });
    if (filter.rule) query.andWhere('a.rule = :rule', { rule: filter.rule });
    if (filter.state) query.andWhere('a.state = :state', { state: filter.state });
    if (from) query.andWhere('a.raisedAt >= :from', { from });
    if (to) query.andWhere('a.raisedAt < :to', { to });
    const [items, total] = await query.getManyAndCount();
    return { page: filter.page, pageSize: filter.pageSize, total, items: items.map(({ evidence: _e, ...card }) => card) };
  }

  /** One card with its evidence (events, clock explanation: "why is this red?") and its history. */
  async get(scope: AccessScope, id: string) {
    const card = /^[0-9a-f-]{36}$/i.test(id) ? await this.dataSource.getRepository(AlertEntity).findOneBy({ id }) : null;
    if (!card || !inScope(scope, card.departmentCode)) throw new NotFoundException(`card ${id} not found`);
    const history = await this.dataSource.getRepository(AlertTransitionEntity).find({ where: { alertId: id }, order: { id: 'ASC' } });
    return { ...card, clockExplanation: await this.explainClock(card), history };
  }

  /** The day-by-day account of the card's clock, recomputed from the case's events and the calendar in force. */
  private async explainClock(card: AlertEntity): Promise<CaseClock | null> {
    const cited = card.evidence.clock;
    if (!cited || card.caseId === '') return null;
    const histories = await this.events.historiesOf([{ departmentCode: card.departmentCode, caseId: card.caseId }]);
    const history = [...histories.values()].flat();
    if (history.length === 0) return null;
    const items = await this.catalogue.itemsByCode([card.itemCode ?? history[0].itemCode]);
    const item = items.values().next().value;
    const settings = resolveRuleSettings(item, await this.ruleSettings.centreOverrides(this.dataSource.manager));
    const clocks = this.clocks.explained(history, item, new Date(), clockSettingsFor(settings));
    return clocks.clocks.find((c) => c.kind === cited.kind && (c.step ?? null) === ((cited as { step?: string }).step ?? null)) ?? null;
  }
}
