import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessScope, inScope } from '../auth/access-scope';
import { Principal, principalId } from '../auth/principal';
import { notFound } from '../common/invalid-input.exception';
import { WatchListCaseEntity, WatchListEntity } from '../persistence/entities/watchlists';

/** A list is for following a handful of cases, not for exporting a department. */
export const WATCH_LIST_MAX_CASES = 500;

const scopeArray = (scope: AccessScope): string[] | null => (scope.departmentCodes === null ? null : [...scope.departmentCodes].sort());

/**
 * Watch-lists (跟踪): a person's own lists, and lists shared within their owner's scope — visible to
 * everyone whose scope meets the scope the list was made in. Only the owner changes a list. Cases
 * are shown only as far as the reader's own scope reaches, so sharing never widens what anyone sees.
 */
@Injectable()
export class WatchListsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Mine, then those shared with me; with the number of their cases I can see. */
  async list(principal: Principal, scope: AccessScope) {
    const me = principalId(principal);
    const rows = await this.dataSource.query<{ id: string; name: string; owner: string; shared: boolean; created_at: Date; updated_at: Date; case_count: string }[]>(
      `SELECT l.id, l.name, l.owner, l.shared, l.created_at, l.updated_at,
              (SELECT count(*) FROM watch_list_cases c WHERE c.list_id = l.id AND ($2::text[] IS NULL OR c.department_code = ANY($2))) AS case_count
         FROM watch_lists l
        WHERE l.owner = $1 OR (l.shared AND ${VISIBLE_SHARED})
        ORDER BY (l.owner = $1) DESC, l.name, l.id`,
      [me, scopeArray(scope)],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, owner: r.owner, mine: r.owner === me, shared: r.shared, caseCount: Number(r.case_count), createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  async create(principal: Principal, scope: AccessScope, input: { name: string; shared?: boolean }, now: Date) {
    const list: WatchListEntity = {
      id: randomUUID(),
      name: input.name.trim(),
      owner: principalId(principal),
      shared: input.shared ?? false,
      scopeDepartments: scopeArray(scope),
      createdAt: now,
      updatedAt: now,
    };
    await this.dataSource.getRepository(WatchListEntity).insert(list);
    return this.view(list, principal, []);
  }

  /** One list with its cases in my scope and their current state: status, step, due instant, open cards. */
  async get(principal: Principal, scope: AccessScope, id: string) {
    const list = await this.visible(this.dataSource.manager, principal, scope, id);
    const cases = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT w.department_code AS "departmentCode", w.case_id AS "caseId", w.note, w.added_at AS "addedAt", w.added_by AS "addedBy",
              c.item_code AS "itemCode", i.name AS "itemName", c.status, c.is_open AS "isOpen", c.current_step AS "currentStep",
              c.responsible_officer_id AS "responsibleOfficerId", c.accepted_at AS "acceptedAt", c.decided_at AS "decidedAt",
              c.promised_due_at AS "promisedDueAt", c.last_occurred_at AS "lastOccurredAt",
              coalesce(a.open_cards, 0)::int AS "openCards", a.highest_level AS "highestLevel"
         FROM watch_list_cases w
         LEFT JOIN cases c ON c.department_code = w.department_code AND c.case_id = w.case_id
         LEFT JOIN items i ON i.code = c.item_code
         LEFT JOIN LATERAL (
           SELECT count(*) AS open_cards,
                  (array_agg(level ORDER BY CASE level WHEN 'RED' THEN 3 WHEN 'YELLOW' THEN 2 ELSE 1 END DESC))[1] AS highest_level
             FROM alerts WHERE department_code = w.department_code AND case_id = w.case_id
              AND state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')) a ON true
        WHERE w.list_id = $1 AND ($2::text[] IS NULL OR w.department_code = ANY($2))
        ORDER BY w.added_at DESC, w.department_code, w.case_id`,
      [id, scopeArray(scope)],
    );
    return this.view(list, principal, cases);
  }

  async update(principal: Principal, scope: AccessScope, id: string, input: { name?: string; shared?: boolean }, now: Date) {
    return this.dataSource.transaction(async (manager) => {
      const list = await this.owned(manager, principal, scope, id);
      await manager.update(WatchListEntity, { id }, { ...(input.name !== undefined ? { name: input.name.trim() } : {}), ...(input.shared !== undefined ? { shared: input.shared } : {}), updatedAt: now });
      return { ...list, ...input, updatedAt: now };
    }).then(() => this.get(principal, scope, id));
  }

  async remove(principal: Principal, scope: AccessScope, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.owned(manager, principal, scope, id);
      await manager.delete(WatchListCaseEntity, { listId: id });
      await manager.delete(WatchListEntity, { id });
    });
  }

  /** Adds a case of my scope (again: the note is updated). */
  async addCase(principal: Principal, scope: AccessScope, id: string, departmentCode: string, caseId: string, note: string | null, now: Date) {
    return this.dataSource.transaction(async (manager) => {
      await this.owned(manager, principal, scope, id, true);
      const [found] = inScope(scope, departmentCode)
        ? await manager.query<{ n: number }[]>('SELECT 1 AS n FROM cases WHERE department_code = $1 AND case_id = $2', [departmentCode, caseId])
        : [];
      if (!found) throw notFound('caseId', `case ${departmentCode}/${caseId} not found`);
      const [{ n }] = await manager.query<{ n: string }[]>('SELECT count(*) AS n FROM watch_list_cases WHERE list_id = $1', [id]);
      const row = { listId: id, departmentCode, caseId, note, addedAt: now, addedBy: principalId(principal) };
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO watch_list_cases (list_id, department_code, case_id, note, added_at, added_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (list_id, department_code, case_id) DO UPDATE SET note = EXCLUDED.note RETURNING (xmax = 0) AS created`,
        [row.listId, row.departmentCode, row.caseId, row.note, row.addedAt, row.addedBy],
      );
      const created = (inserted[0] as { created: boolean }).created;
      if (created && Number(n) >= WATCH_LIST_MAX_CASES) {
        throw new ConflictException(`a watch-list holds at most ${WATCH_LIST_MAX_CASES} cases`);
      }
      await manager.update(WatchListEntity, { id }, { updatedAt: now });
      return { created, entry: { departmentCode, caseId, note, addedAt: now, addedBy: row.addedBy } };
    });
  }

  async removeCase(principal: Principal, scope: AccessScope, id: string, departmentCode: string, caseId: string, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.owned(manager, principal, scope, id, true);
      const result = inScope(scope, departmentCode) ? await manager.delete(WatchListCaseEntity, { listId: id, departmentCode, caseId }) : { affected: 0 };
      if (!result.affected) throw notFound('caseId', `case ${departmentCode}/${caseId} is not on this watch-list`);
      await manager.update(WatchListEntity, { id }, { updatedAt: now });
    });
  }

  private view(list: WatchListEntity, principal: Principal, cases: unknown[]) {
    const { scopeDepartments: _scope, ...rest } = list;
    return { ...rest, mine: list.owner === principalId(principal), cases };
  }

  /** A list I may read: mine, or shared within a scope that meets mine; anything else is not found. */
  private async visible(manager: EntityManager, principal: Principal, scope: AccessScope, id: string, lock = false): Promise<WatchListEntity> {
    const rows = /^[0-9a-f-]{36}$/i.test(id)
      ? await manager.query<Record<string, unknown>[]>(
          `SELECT id, name, owner, shared, scope_departments AS "scopeDepartments", created_at AS "createdAt", updated_at AS "updatedAt"
             FROM watch_lists l WHERE l.id = $3 AND (l.owner = $1 OR (l.shared AND ${VISIBLE_SHARED}))${lock ? ' FOR UPDATE' : ''}`,
          [principalId(principal), scopeArray(scope), id],
        )
      : [];
    if (rows.length === 0) throw notFound('id', `watch-list ${id} not found`);
    return rows[0] as unknown as WatchListEntity;
  }

  /** A list I may change: only the owner's. A shared list of someone else is read-only (403). */
  private async owned(manager: EntityManager, principal: Principal, scope: AccessScope, id: string, lock = true): Promise<WatchListEntity> {
    const list = await this.visible(manager, principal, scope, id, lock);
    if (list.owner !== principalId(principal)) throw new ForbiddenException('only the owner changes a watch-list');
    return list;
  }
}

/** A shared list is visible to a reader whose scope meets the list's (null = every department). */
const VISIBLE_SHARED = `(l.scope_departments IS NULL OR $2::text[] IS NULL OR l.scope_departments ?| $2::text[])`;
