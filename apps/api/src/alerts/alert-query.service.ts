import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALERT_LEVELS, CARD_RULE_CODES } from '@app/contracts';
import { CARD_STATES, CaseClock, HELD_CARD_STATES } from '@app/domain';
import { AccessScope, departmentFilter, inScope } from '../auth/access-scope';
import { CatalogueReader } from '../catalogue/catalogue.reader';
import { CaseClocksService } from '../cases/case-clocks.service';
import { InvalidInputException } from '../common/invalid-input.exception';
import { parseSort } from '../common/sort';
import { EventStoreRepository } from '../ingest/event-store.repository';
import { AlertEntity, AlertTransitionEntity } from '../persistence/entities';

export interface AlertListFilter {
  departmentCode?: string;
  regionCode?: string;
  caseId?: string;
  level?: string;
  rule?: string;
  /** One state, or several separated by commas (`OPEN,ACKNOWLEDGED`: the console's "open cards"). */
  state?: string;
  /** Cards of cases this officer is responsible for (an officer's own work list). */
  officerId?: string;
  from?: string;
  to?: string;
  /** One of ALERT_SORT_KEYS, `-` in front for descending; default `-raisedAt` (newest first). */
  sort?: string;
  page: number;
  pageSize: number;
  /** Held cards (待发, and those discarded while held) are the centre's: the department never sees them. */
  includeHeld: boolean;
}

const LEVEL_RANK = "(CASE a.level WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END)";
/** The due instant of the clock the card cites (none for rules without a clock: those sort last). */
const DUE_AT = 'a.due_at';

/**
 * The sort keys of GET /alerts and their SQL (fixed text: the client only picks a key). `urgency` is
 * the console's "most urgent first": RED before YELLOW before PROMPT, then the soonest due.
 */
const ALERT_SORTS = {
  urgency: [[LEVEL_RANK, 'DESC'], [DUE_AT, 'ASC']],
  raisedAt: [['a.raisedAt', 'ASC']],
  updatedAt: [['a.updatedAt', 'ASC']],
  dueAt: [[DUE_AT, 'ASC']],
  level: [[LEVEL_RANK, 'ASC']],
  state: [['a.state', 'ASC']],
  rule: [['a.rule', 'ASC']],
  departmentCode: [['a.departmentCode', 'ASC']],
  caseId: [['a.caseId', 'ASC']],
} as const satisfies Record<string, readonly (readonly [string, 'ASC' | 'DESC'])[]>;
export type AlertSortKey = keyof typeof ALERT_SORTS;
export const ALERT_SORT_KEYS = Object.keys(ALERT_SORTS) as AlertSortKey[];

const flip = (direction: 'ASC' | 'DESC') => (direction === 'ASC' ? 'DESC' : 'ASC');

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
  ) {}

  async list(scope: AccessScope, filter: AlertListFilter) {
    oneOf('level', filter.level, ALERT_LEVELS);
    oneOf('rule', filter.rule, CARD_RULE_CODES);
    const states = filter.state?.split(',');
    for (const state of states ?? []) oneOf('state', state, CARD_STATES);
    const sort = parseSort<AlertSortKey>(filter.sort, ALERT_SORT_KEYS, { key: 'raisedAt', direction: 'DESC' });
    const from = instant('from', filter.from);
    const to = instant('to', filter.to);
    const departments = departmentFilter(scope, filter.departmentCode);
    if (departments !== undefined && departments.length === 0) return { page: filter.page, pageSize: filter.pageSize, total: 0, items: [] };
    const query = this.dataSource
      .getRepository(AlertEntity)
      .createQueryBuilder('a')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    for (const [expression, direction] of ALERT_SORTS[sort.key]) {
      // Missing due dates sort last whichever the direction: a card without a clock is not "most urgent".
      query.addOrderBy(expression, sort.direction === 'ASC' ? direction : flip(direction), 'NULLS LAST');
    }
    // Ties in a stable order, so paging neither repeats nor skips a card.
    query.addOrderBy('a.raisedAt', 'DESC').addOrderBy('a.id', 'ASC');
    if (departments !== undefined) query.andWhere('a.departmentCode IN (:...departments)', { departments });
    if (filter.regionCode) {
      query.andWhere('a.departmentCode IN (SELECT d.code FROM departments d WHERE d.region_code = :region)', { region: filter.regionCode });
    }
    if (!filter.includeHeld) query.andWhere('a.state NOT IN (:...held)', { held: HELD_CARD_STATES });
    if (filter.caseId) query.andWhere('a.caseId = :caseId', { caseId: filter.caseId });
    if (filter.level) query.andWhere('a.level = :level', { level: filter.level });
    if (filter.rule) query.andWhere('a.rule = :rule', { rule: filter.rule });
    if (states) query.andWhere('a.state IN (:...states)', { states });
    if (filter.officerId) query.andWhere('a.responsibleOfficerId = :officerId', { officerId: filter.officerId });
    if (from) query.andWhere('a.raisedAt >= :from', { from });
    if (to) query.andWhere('a.raisedAt < :to', { to });
    // The page and a plain count side by side: the ORM's count (COUNT(DISTINCT id), meant for joins
    // this query has none of) sorted every matching id; count(*) reads the open-card index alone.
    const [items, counted] = await Promise.all([
      query.getMany(),
      query.clone().orderBy().skip(undefined).take(undefined).select('count(*)', 'n').getRawOne<{ n: string }>(),
    ]);
    const total = Number(counted?.n ?? 0);
    return {
      page: filter.page,
      pageSize: filter.pageSize,
      total,
      // The evidence stays on the card's own page; its clock's due instant is what lists sort and show.
      items: items.map(({ evidence, ...card }) => ({ ...card, dueAt: evidence.clock?.dueAt ?? null })),
    };
  }

  /** One card with its evidence (events, clock explanation: "why is this red?") and its history. */
  async get(scope: AccessScope, id: string, includeHeld: boolean) {
    const card = /^[0-9a-f-]{36}$/i.test(id) ? await this.dataSource.getRepository(AlertEntity).findOneBy({ id }) : null;
    if (!card || !inScope(scope, card.departmentCode) || (!includeHeld && HELD_CARD_STATES.includes(card.state))) {
      throw new NotFoundException(`card ${id} not found`);
    }
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
    const clocks = await this.clocks.explainedAsJudged(history, item, card.departmentCode, new Date());
    return clocks.clocks.find((c) => c.kind === cited.kind && (c.step ?? null) === ((cited as { step?: string }).step ?? null)) ?? null;
  }
}
