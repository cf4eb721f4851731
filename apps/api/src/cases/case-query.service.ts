import { Injectable } from '@nestjs/common';
import { DataSource, ILike, In } from 'typeorm';
import { CASE_STATUSES, CaseStatus, StoredCaseEvent } from '@app/contracts';
import { orderCaseEvents } from '@app/domain';
import { AccessScope, departmentFilter, inScope } from '../auth/access-scope';
import { InvalidInputException, notFound } from '../common/invalid-input.exception';
import { parseSort } from '../common/sort';
import { toItemInput } from '../catalogue/catalogue.reader';
import { EventStoreRepository } from '../ingest/event-store.repository';
import { CaseClocksService } from './case-clocks.service';
import { CaseEntity, ItemEntity } from '../persistence/entities';

export interface CaseListFilter {
  departmentCode?: string;
  status?: string;
  itemCode?: string;
  /** Case numbers starting with this (the console's search box). */
  caseId?: string;
  /** One of CASE_SORT_KEYS, `-` in front for descending; default `-lastOccurredAt` (latest activity first). */
  sort?: string;
  page: number;
  pageSize: number;
}

/** The columns GET /cases sorts by (a whitelist; the client only picks a key). */
export const CASE_SORT_KEYS = ['lastOccurredAt', 'submittedAt', 'acceptedAt', 'promisedDueAt', 'caseId', 'departmentCode', 'status', 'itemCode'] as const;
type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

/** `ILIKE` treats % and _ as wildcards and \ as escape: a case number is matched as typed. */
const likePrefix = (text: string): string => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class CaseQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStoreRepository,
    private readonly clocks: CaseClocksService,
  ) {}

  /** Only the caller's departments: another department's cases are simply not there. */
  async list(filter: CaseListFilter, scope: AccessScope) {
    if (filter.status !== undefined && !CASE_STATUSES.includes(filter.status as CaseStatus)) {
      throw new InvalidInputException([{ path: 'status', message: `must be one of ${CASE_STATUSES.join(', ')}` }]);
    }
    const sort = parseSort<CaseSortKey>(filter.sort, CASE_SORT_KEYS, { key: 'lastOccurredAt', direction: 'DESC' });
    const departments = departmentFilter(scope, filter.departmentCode);
    if (departments?.length === 0) return { page: filter.page, pageSize: filter.pageSize, total: 0, items: [] };
    const where = {
      ...(filter.caseId ? { caseId: ILike(likePrefix(filter.caseId)) } : {}),
      ...(departments ? { departmentCode: departments.length === 1 ? departments[0] : In(departments) } : {}),
      ...(filter.status ? { status: filter.status as CaseStatus } : {}),
      ...(filter.itemCode ? { itemCode: filter.itemCode } : {}),
    };
    const [items, total] = await this.dataSource.getRepository(CaseEntity).findAndCount({
      where,
      // Ties in a stable order (the primary key), so paging neither repeats nor skips a case.
      order: {
        [sort.key]: { direction: sort.direction, nulls: 'LAST' },
        ...(sort.key === 'departmentCode' ? {} : { departmentCode: 'ASC' }),
        ...(sort.key === 'caseId' ? {} : { caseId: 'ASC' }),
      },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { page: filter.page, pageSize: filter.pageSize, total, items };
  }

  /** Another department's case answers exactly like a missing one (no leak of existence). */
  async get(departmentCode: string, caseId: string, scope: AccessScope) {
    const found = inScope(scope, departmentCode) ? await this.dataSource.getRepository(CaseEntity).findOneBy({ departmentCode, caseId }) : null;
    if (!found) throw notFound('caseId', `case ${departmentCode}/${caseId} not found`);
    const item = await this.dataSource.getRepository(ItemEntity).findOneBy({ code: found.itemCode });
    const histories = await this.events.historiesOf([{ departmentCode, caseId }]);
    const timeline: StoredCaseEvent[] = orderCaseEvents([...histories.values()].flat());
    // Computed now, with the calendar in force and the full day-by-day explanation ("why is this late?").
    const { clocks: _stored, ...state } = found;
    const clocks = await this.clocks.explainedAsJudged(timeline, item ? toItemInput(item) : undefined, departmentCode, new Date());
    return {
      ...state,
      clocks: clocks.clocks,
      clocksProvisional: clocks.provisional,
      acceptedOn: clocks.acceptedOn ?? null,
      deemedAcceptedOn: clocks.deemedAcceptedOn ?? null,
      item: item ? { code: item.code, name: item.name, kind: item.kind, statutoryDays: item.statutoryDays, promisedDays: item.promisedDays } : null,
      keyTimes: {
        submittedAt: found.submittedAt,
        acceptedAt: found.acceptedAt,
        decidedAt: found.decidedAt,
        certificateIssuedAt: found.certificateIssuedAt,
        closedAt: found.closedAt,
        lastEventReceivedAt: timeline.reduce<string | null>((max, e) => (max === null || e.receivedAt > max ? e.receivedAt : max), null),
      },
      timeline,
    };
  }
}
