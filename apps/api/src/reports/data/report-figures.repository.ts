import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addCalendarDays } from '@app/domain';
import { counterColumn, DAILY_COUNTERS, DailyCounters, emptyMetricInputs, ItemLimits, MetricInputs, stockFrom } from '@app/domain/reports';
import { countersOf } from '../rollups/report-rollup.repository';
import { ReportPeriod } from './report-period';

const SUMS = DAILY_COUNTERS.map((c) => `sum(${counterColumn(c)}) AS ${counterColumn(c)}`).join(', ');
// Cards that count: issued (not held or discarded), not dismissed as unfounded, not revoked on appeal.
const NOT_COUNTED = `('DISMISSED', 'REVOKED', 'PENDING', 'DISCARDED')`;

export interface DailyPoint {
  day: string;
  counters: DailyCounters;
}

/**
 * Everything a compliance report reads, per department, in a handful of grouped queries: the
 * rollup (period sums and running totals), cards, complaints, supervision orders, faults and the
 * catalogue's limits. Cost grows with departments × days, not with cases.
 */
@Injectable()
export class ReportFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async inputsByDepartment(codes: string[], period: ReportPeriod, now: Date): Promise<Map<string, MetricInputs>> {
    const out = new Map(codes.map((code) => [code, emptyMetricInputs()]));
    if (codes.length === 0) return out;
    const at = (code: string): MetricInputs => out.get(code)!;
    const [sums, before, through, items, cards, revoked, complaints, orders, faults, sanctions] = await Promise.all([
      this.rollupSums(codes, 'day BETWEEN $2::date AND $3::date', [period.from, period.to]),
      this.rollupSums(codes, 'day <= $2::date', [addCalendarDays(period.from, -1)]),
      this.rollupSums(codes, 'day <= $2::date', [period.to]),
      this.dataSource.query<{ department_code: string; kind: string; statutory_days: number; promised_days: number }[]>(
        'SELECT department_code, kind, statutory_days, promised_days FROM items WHERE department_code = ANY($1)',
        [codes],
      ),
      this.cards(codes, period),
      this.revokedCards(codes, period),
      this.complaints(codes, period, now),
      this.orders(codes, period, now),
      this.faults(codes, period),
      this.departmentSanctions(codes, period),
    ]);
    for (const [code, counters] of sums) at(code).period = counters;
    for (const [code, counters] of before) at(code).stockAtStart = stockFrom(counters);
    for (const [code, counters] of through) at(code).stockAtEnd = stockFrom(counters);
    for (const row of items) {
      const limits: ItemLimits = { kind: row.kind, statutoryDays: row.statutory_days, promisedDays: row.promised_days };
      at(row.department_code).items.push(limits);
    }
    for (const row of cards) {
      const c = at(row.department_code).cards;
      const n = Number(row.n);
      c.byLevel[row.level] = (c.byLevel[row.level] ?? 0) + n;
      (c.byRule[row.rule] ??= {})[row.level] = n;
      c.withDeadline += Number(row.with_deadline);
      c.rectifiedOnTime += Number(row.rectified_on_time);
    }
    for (const row of revoked) at(row.department_code).cards.revoked = Number(row.n);
    for (const row of complaints) {
      at(row.department_code).complaints = {
        received: Number(row.received),
        accepted: Number(row.accepted),
        refused: Number(row.refused),
        concluded: Number(row.concluded),
        substantiated: Number(row.substantiated),
        overdue: Number(row.overdue),
      };
    }
    for (const row of orders) {
      at(row.department_code).supervisionOrders = { issued: Number(row.issued), replied: Number(row.replied), repliedOnTime: Number(row.replied_on_time), overdue: Number(row.overdue) };
    }
    for (const row of faults) {
      const f = at(row.department_code).faults;
      f.total += Number(row.n);
      f.bySeverity[row.severity] = Number(row.n);
    }
    for (const row of sanctions) {
      at(row.department_code).departmentSanctions = { circulatedCriticism: Number(row.circulated_criticism), warning: Number(row.warning) };
    }
    return out;
  }

  /** Per-day counters of the departments together, for the charts. */
  async daily(codes: string[], period: ReportPeriod): Promise<DailyPoint[]> {
    if (codes.length === 0) return [];
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, ${SUMS} FROM report_daily_rollups
        WHERE department_code = ANY($1) AND day BETWEEN $2::date AND $3::date GROUP BY day ORDER BY day`,
      [codes, period.from, period.to],
    );
    return rows.map((row) => ({ day: row.day as string, counters: countersOf(row) }));
  }

  private async rollupSums(codes: string[], where: string, params: unknown[]): Promise<Map<string, DailyCounters>> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT department_code, ${SUMS} FROM report_daily_rollups WHERE department_code = ANY($1) AND ${where} GROUP BY department_code`,
      [codes, ...params],
    );
    return new Map(rows.map((row) => [row.department_code as string, countersOf(row)]));
  }

  /** Cards raised in the period, except those dismissed as unfounded; rectified by their supervision deadline. */
  private cards(codes: string[], period: ReportPeriod) {
    return this.dataSource.query<{ department_code: string; level: string; rule: string; n: string; with_deadline: string; rectified_on_time: string }[]>(
      `SELECT a.department_code, a.level, a.rule, count(*) AS n,
              count(*) FILTER (WHERE a.supervision_due_at IS NOT NULL) AS with_deadline,
              count(*) FILTER (WHERE a.supervision_due_at IS NOT NULL AND EXISTS (
                SELECT 1 FROM alert_transitions t WHERE t.alert_id = a.id AND t.action = 'RECTIFY' AND t.at <= a.supervision_due_at)) AS rectified_on_time
         FROM alerts a
        WHERE a.department_code = ANY($1) AND a.raised_at >= $2 AND a.raised_at < $3 AND a.state NOT IN ${NOT_COUNTED}
        GROUP BY 1, 2, 3`,
      [codes, period.startsAt, period.endsAt],
    );
  }

  /** Cards raised in the period and revoked on appeal: not breaches, counted apart. */
  private revokedCards(codes: string[], period: ReportPeriod) {
    return this.dataSource.query<{ department_code: string; n: string }[]>(
      `SELECT department_code, count(*) AS n FROM alerts
        WHERE department_code = ANY($1) AND raised_at >= $2 AND raised_at < $3 AND state = 'REVOKED' GROUP BY 1`,
      [codes, period.startsAt, period.endsAt],
    );
  }

  /** Complaints received in the period; overdue = flagged (carded), or accepted/refused or answered late, as of `now`. */
  private complaints(codes: string[], period: ReportPeriod, now: Date) {
    return this.dataSource.query<{ department_code: string; received: string; accepted: string; refused: string; concluded: string; substantiated: string; overdue: string }[]>(
      `SELECT department_code, count(*) AS received,
              count(*) FILTER (WHERE state IN ('ACCEPTED', 'ANSWERED', 'CONCLUDED')) AS accepted,
              count(*) FILTER (WHERE state = 'REFUSED') AS refused,
              count(*) FILTER (WHERE state = 'CONCLUDED') AS concluded,
              count(*) FILTER (WHERE substantiated IS TRUE) AS substantiated,
              count(*) FILTER (WHERE acceptance_overdue_at IS NOT NULL OR handling_overdue_at IS NOT NULL
                                  OR coalesce(decided_at, $4) > acceptance_due_at
                                  OR (handling_due_at IS NOT NULL AND coalesce(answered_at, $4) > handling_due_at)) AS overdue
         FROM complaints
        WHERE department_code = ANY($1) AND received_at >= $2 AND received_at < $3
        GROUP BY 1`,
      [codes, period.startsAt, period.endsAt, now],
    );
  }

  /** Orders issued in the period; overdue = flagged (carded), past the deadline unanswered as of `now`, or replied late. */
  private orders(codes: string[], period: ReportPeriod, now: Date) {
    return this.dataSource.query<{ department_code: string; issued: string; replied: string; replied_on_time: string; overdue: string }[]>(
      `SELECT department_code, count(*) AS issued,
              count(replied_at) AS replied,
              count(*) FILTER (WHERE replied_at <= due_at) AS replied_on_time,
              count(*) FILTER (WHERE overdue_flagged_at IS NOT NULL OR coalesce(replied_at, $4) > due_at) AS overdue
         FROM supervision_orders
        WHERE department_code = ANY($1) AND issued_at >= $2 AND issued_at < $3
        GROUP BY 1`,
      [codes, period.startsAt, period.endsAt, now],
    );
  }

  /** Sanctions on departments (通报批评, 警告) decided in the period that stand (not revoked on appeal). */
  private departmentSanctions(codes: string[], period: ReportPeriod) {
    return this.dataSource.query<{ department_code: string; circulated_criticism: string; warning: string }[]>(
      `SELECT department_code,
              count(*) FILTER (WHERE measure = 'CIRCULATED_CRITICISM') AS circulated_criticism,
              count(*) FILTER (WHERE measure = 'WARNING') AS warning
         FROM register_entries
        WHERE department_code = ANY($1) AND kind = 'DEPARTMENT_SANCTION' AND state IN ('CONFIRMED', 'APPEALED')
          AND decided_on BETWEEN $2::date AND $3::date
        GROUP BY 1`,
      [codes, period.from, period.to],
    );
  }

  /** Faults decided in the period that stand (not revoked on appeal). */
  private faults(codes: string[], period: ReportPeriod) {
    return this.dataSource.query<{ department_code: string; severity: string; n: string }[]>(
      `SELECT department_code, severity, count(*) AS n FROM register_entries
        WHERE department_code = ANY($1) AND kind = 'FAULT' AND state <> 'REVOKED' AND decided_on BETWEEN $2::date AND $3::date
        GROUP BY 1, 2`,
      [codes, period.from, period.to],
    );
  }
}
