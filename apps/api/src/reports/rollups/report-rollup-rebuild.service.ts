import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { caseContributions, CaseContributions, DAILY_COUNTERS, DailyCounters, DEFAULT_CONTRIBUTION_POLICY, sumContributions } from '@app/domain/reports';
import type { StoredClock } from '../../persistence/entities/stored-clock';
import { caseKeyString, EventStoreRepository } from '../../ingest/event-store.repository';
import { reportInputOf } from './report-rollup-maintainer.service';
import { ReportRollupRepository, RollupRow } from './report-rollup.repository';

/** Cases read per round trip during a rebuild. */
const CHUNK = 5000;
/** Differences listed in an answer (the count is always complete). */
const LISTED_DIFFERENCES = 20;

export interface RollupDifference {
  day: string;
  counter: string;
  stored: number;
  recomputed: number;
}

export interface RebuildResult {
  departmentCode: string;
  cases: number;
  days: number;
  /** Counters where the stored rollup disagreed with the recomputed one (before a rebuild wrote it). */
  differenceCount: number;
  differences: RollupDifference[];
  written: boolean;
  ms: number;
}

/**
 * Recomputes a department's rollup from the stored data — every case's stored clocks, item kind and
 * events — with the same pure function the projection uses, and compares it with the rollup kept
 * incrementally. `dryRun` only compares (a verification); otherwise the facts and rollup are replaced.
 * Runs in one transaction under the department's exclusive rollup lock: projections of that
 * department wait (briefly) and then apply their deltas to the rebuilt rollup.
 */
@Injectable()
export class ReportRollupRebuildService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReportRollupRepository,
    private readonly events: EventStoreRepository,
  ) {}

  /** Departments that have, or may have, a rollup: the catalogue's and any left in the rollup table. */
  async departmentCodes(): Promise<string[]> {
    const rows = await this.dataSource.query<{ code: string }[]>(
      `SELECT code FROM departments UNION SELECT DISTINCT department_code FROM report_daily_rollups ORDER BY 1`,
    );
    return rows.map((row) => row.code);
  }

  async rebuild(departmentCode: string, options: { dryRun: boolean }, now: Date): Promise<RebuildResult> {
    const started = Date.now();
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockExclusive(manager, departmentCode);
      if (!options.dryRun) await this.repository.deleteFacts(manager, departmentCode);
      const kinds = await this.itemKinds(manager);
      const totals = new Map<string, DailyCounters>();
      let cases = 0;
      let after = '';
      for (;;) {
        // Only the decision clocks travel: they are all the report reads of a case's clocks.
        const rows = await manager.query<{ case_id: string; item_code: string; clocks: StoredClock[] | null }[]>(
          `SELECT c.case_id, c.item_code,
                  (SELECT jsonb_agg(e.clock) FROM jsonb_array_elements(c.clocks) AS e(clock) WHERE e.clock->>'kind' IN ('DECISION_PROMISED', 'DECISION_STATUTORY')) AS clocks
             FROM cases c WHERE c.department_code = $1 AND c.case_id > $2 ORDER BY c.case_id LIMIT ${CHUNK}`,
          [departmentCode, after],
        );
        if (rows.length === 0) break;
        const histories = await this.events.historiesOf(rows.map((r) => ({ departmentCode, caseId: r.case_id })), manager);
        const facts = rows.map((row) => ({
          departmentCode,
          caseId: row.case_id,
          contributions: caseContributions(
            reportInputOf(row.clocks ?? [], kinds.get(row.item_code) ?? null, histories.get(caseKeyString(departmentCode, row.case_id)) ?? []),
            DEFAULT_CONTRIBUTION_POLICY,
          ),
        }));
        addInto(totals, facts.map((f) => f.contributions));
        if (!options.dryRun) await this.repository.saveFacts(manager, facts, now);
        cases += rows.length;
        after = rows[rows.length - 1].case_id;
      }
      const recomputed = [...totals].filter(([, c]) => !isZero(c)).map(([day, counters]): RollupRow => ({ departmentCode, day, counters }));
      const differences = compareRollups(await this.repository.rollupOf(manager, departmentCode), recomputed);
      if (!options.dryRun) await this.repository.replaceRollup(manager, departmentCode, recomputed);
      return {
        departmentCode,
        cases,
        days: recomputed.length,
        differenceCount: differences.length,
        differences: differences.slice(0, LISTED_DIFFERENCES),
        written: !options.dryRun,
        ms: Date.now() - started,
      };
    });
  }

  private async itemKinds(manager: EntityManager): Promise<Map<string, string>> {
    const rows = await manager.query<{ code: string; kind: string }[]>('SELECT code, kind FROM items');
    return new Map(rows.map((row) => [row.code, row.kind]));
  }
}

function addInto(totals: Map<string, DailyCounters>, contributions: CaseContributions[]): void {
  for (const [day, counters] of sumContributions(contributions)) {
    const row = totals.get(day);
    if (!row) totals.set(day, counters);
    else for (const c of DAILY_COUNTERS) row[c] += counters[c];
  }
}

const isZero = (counters: DailyCounters): boolean => DAILY_COUNTERS.every((c) => counters[c] === 0);

/** Every (day, counter) where the two disagree; a missing row reads as zeros. */
export function compareRollups(stored: RollupRow[], recomputed: RollupRow[]): RollupDifference[] {
  const byDay = new Map<string, { stored?: DailyCounters; recomputed?: DailyCounters }>();
  for (const row of stored) byDay.set(row.day, { stored: row.counters });
  for (const row of recomputed) byDay.set(row.day, { ...byDay.get(row.day), recomputed: row.counters });
  const differences: RollupDifference[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const pair = byDay.get(day)!;
    for (const counter of DAILY_COUNTERS) {
      const a = pair.stored?.[counter] ?? 0;
      const b = pair.recomputed?.[counter] ?? 0;
      if (a !== b) differences.push({ day, counter, stored: a, recomputed: b });
    }
  }
  return differences;
}
