import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportPeriod } from '../data/report-period';

/** At most this many cases per export: a larger one is cut and says so (ask for shorter periods). */
export const EXPORT_MAX_ROWS = 100_000;
const PAGE = 5000;

export interface MonitoringRow {
  departmentCode: string;
  caseId: string;
  itemCode: string;
  status: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  promisedDueOn: string | null;
  promisedState: string | null;
  statutoryDueOn: string | null;
  statutoryState: string | null;
  usedWorkingDays: number | null;
  prompts: number;
  yellowCards: number;
  redCards: number;
}

/**
 * The read-only monitoring data shared with the finance, audit, legal and personnel departments
 * (监督信息互通): every case accepted in the period, with its decision clocks and its cards.
 * Read page by page (keyset), so memory stays bounded by EXPORT_MAX_ROWS.
 */
@Injectable()
export class MonitoringExportService {
  constructor(private readonly dataSource: DataSource) {}

  async rows(codes: string[], period: ReportPeriod): Promise<{ rows: MonitoringRow[]; truncated: boolean }> {
    const rows: MonitoringRow[] = [];
    let after = { department: '', caseId: '' };
    while (rows.length < EXPORT_MAX_ROWS + 1 && codes.length > 0) {
      const page = await this.dataSource.query<Record<string, unknown>[]>(
        `SELECT c.department_code, c.case_id, c.item_code, c.status, c.accepted_at, c.decided_at, c.closed_at, c.outcome,
                p.clock->>'dueOn' AS promised_due_on, p.clock->>'state' AS promised_state,
                s.clock->>'dueOn' AS statutory_due_on, s.clock->>'state' AS statutory_state, (s.clock->>'usedWorkingDays')::int AS used,
                coalesce(a.prompts, 0) AS prompts, coalesce(a.yellow, 0) AS yellow, coalesce(a.red, 0) AS red
           FROM cases c
           LEFT JOIN LATERAL (SELECT pe.clock FROM jsonb_array_elements(c.clocks) AS pe(clock) WHERE pe.clock->>'kind' = 'DECISION_PROMISED' LIMIT 1) p ON true
           LEFT JOIN LATERAL (SELECT se.clock FROM jsonb_array_elements(c.clocks) AS se(clock) WHERE se.clock->>'kind' = 'DECISION_STATUTORY' LIMIT 1) s ON true
           LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE level = 'PROMPT') AS prompts, count(*) FILTER (WHERE level = 'YELLOW') AS yellow,
                                     count(*) FILTER (WHERE level = 'RED') AS red
                                FROM alerts WHERE department_code = c.department_code AND case_id = c.case_id AND state NOT IN ('DISMISSED', 'REVOKED', 'PENDING', 'DISCARDED')) a ON true
          WHERE c.department_code = ANY($1) AND c.accepted_at >= $2 AND c.accepted_at < $3
            AND (c.department_code, c.case_id) > ($4, $5)
          ORDER BY c.department_code, c.case_id LIMIT ${PAGE}`,
        [codes, period.startsAt, period.endsAt, after.department, after.caseId],
      );
      rows.push(...page.map(toRow));
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      after = { department: last.department_code as string, caseId: last.case_id as string };
    }
    return { rows: rows.slice(0, EXPORT_MAX_ROWS), truncated: rows.length > EXPORT_MAX_ROWS };
  }
}

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);

function toRow(r: Record<string, unknown>): MonitoringRow {
  return {
    departmentCode: r.department_code as string,
    caseId: r.case_id as string,
    itemCode: r.item_code as string,
    status: r.status as string,
    acceptedAt: iso(r.accepted_at),
    decidedAt: iso(r.decided_at),
    closedAt: iso(r.closed_at),
    outcome: (r.outcome as string | null) ?? null,
    promisedDueOn: (r.promised_due_on as string | null) ?? null,
    promisedState: (r.promised_state as string | null) ?? null,
    statutoryDueOn: (r.statutory_due_on as string | null) ?? null,
    statutoryState: (r.statutory_state as string | null) ?? null,
    usedWorkingDays: r.used === null ? null : Number(r.used),
    prompts: Number(r.prompts),
    yellowCards: Number(r.yellow),
    redCards: Number(r.red),
  };
}
