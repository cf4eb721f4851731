import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeComplianceMetrics, Quarter, rankDepartments } from '@app/domain/reports';
import { ReportFiguresRepository } from '../data/report-figures.repository';
import { reportPeriod } from '../data/report-period';
import { QuarterlyReportEntity } from '../../persistence/entities/reports/quarterly-report.entity';
import { ReportSubjectsService } from '../report-subjects.service';
import { ReportSettingsRepository } from '../settings/report-settings.repository';
import { WarningTalkCoverageSource } from './warning-talk-coverage-source';
import { FaultLine, OrderLine, QuarterlyPack } from './quarterly-pack';

/** Computes, stores and reads the joint meeting's quarterly pack. */
@Injectable()
export class QuarterlyReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: ReportFiguresRepository,
    private readonly subjects: ReportSubjectsService,
    private readonly settings: ReportSettingsRepository,
    private readonly register: WarningTalkCoverageSource,
  ) {}

  /** Every department of the city, ranked with the grading settings in force. */
  async compute(quarter: Quarter, now: Date, trigger: QuarterlyPack['trigger']): Promise<QuarterlyPack> {
    const period = reportPeriod(quarter.from, quarter.to);
    const departments = await this.subjects.departments(null);
    const codes = departments.map((d) => d.code);
    const year = Number(quarter.from.slice(0, 4));
    const [inputs, settings, orders, faults, coverage] = await Promise.all([
      this.figures.inputsByDepartment(codes, period, now),
      this.settings.current(),
      this.orders(codes, period.startsAt, period.endsAt, now),
      this.faults(codes, quarter.from, quarter.to),
      this.register.warningTalkCoverage(null, year),
    ]);
    const ranked = rankDepartments(
      departments.map((d) => ({ departmentCode: d.code, metrics: computeComplianceMetrics(inputs.get(d.code)!), row: d })),
      settings.grading,
    );
    return {
      quarter: quarter.key,
      period: { from: quarter.from, to: quarter.to },
      generatedAt: now.toISOString(),
      trigger,
      grading: settings.grading,
      rows: ranked.map((r) => ({
        rank: r.rank,
        departmentCode: r.departmentCode,
        departmentName: r.row.name,
        regionCode: r.row.regionCode,
        score: r.score,
        metrics: computeComplianceMetrics(inputs.get(r.departmentCode)!),
      })),
      supervisionOrders: orders,
      faults,
      warningTalks: {
        year,
        belowFullCoverage: coverage
          .filter((d) => d.officers > 0 && !d.full && codes.includes(d.departmentCode))
          .map(({ departmentCode, departmentName, officers, talkedTo, coverage: share, notYetTalkedTo }) => ({ departmentCode, departmentName, officers, talkedTo, coverage: share, notYetTalkedTo })),
      },
    };
  }

  /** Stores a freshly computed pack (on demand: always; quarter end: only while still PENDING). */
  async store(pack: QuarterlyPack, requestedBy: string, onlyIfPending: boolean, now: Date): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO quarterly_reports (quarter, status, requested_at, requested_by, generated_at, generation_count, trigger, content)
       VALUES ($1, 'READY', $2, $3, $2, 1, $4, $5)
       ON CONFLICT (quarter) DO UPDATE SET status = 'READY', generated_at = $2, content = $5, trigger = $4,
              generation_count = quarterly_reports.generation_count + 1
              ${onlyIfPending ? '' : ', requested_at = $2, requested_by = $3'}
        WHERE ${onlyIfPending ? `quarterly_reports.status = 'PENDING'` : 'true'}
       RETURNING quarter`,
      [pack.quarter, now, requestedBy, pack.trigger, JSON.stringify(pack)],
    );
    return rows.length > 0;
  }

  async stored(quarter: string): Promise<QuarterlyReportEntity | null> {
    return this.dataSource.getRepository(QuarterlyReportEntity).findOneBy({ quarter });
  }

  async list() {
    const rows = await this.dataSource.getRepository(QuarterlyReportEntity).find({ order: { quarter: 'DESC' } });
    return rows.map(({ content: _content, ...row }) => row);
  }

  async storedPack(quarter: string): Promise<QuarterlyPack> {
    const row = await this.stored(quarter);
    if (!row || row.status !== 'READY' || !row.content) throw new NotFoundException(`no stored pack for ${quarter}`);
    return row.content as unknown as QuarterlyPack;
  }

  private async orders(codes: string[], from: Date, to: Date, now: Date): Promise<OrderLine[]> {
    const rows = await this.dataSource.query<{ id: string; department_code: string; kind: string; subject: string; issued_at: Date; due_on: string; state: string; replied_at: Date | null; overdue: boolean }[]>(
      `SELECT id, department_code, kind, subject, issued_at, to_char(due_on, 'YYYY-MM-DD') AS due_on, state, replied_at,
              (overdue_flagged_at IS NOT NULL OR coalesce(replied_at, $4) > due_at) AS overdue
         FROM supervision_orders WHERE department_code = ANY($1) AND issued_at >= $2 AND issued_at < $3
        ORDER BY issued_at, id`,
      [codes, from, to, now],
    );
    return rows.map((r) => ({
      id: r.id,
      departmentCode: r.department_code,
      kind: r.kind,
      subject: r.subject,
      issuedAt: r.issued_at.toISOString(),
      dueOn: r.due_on,
      state: r.state,
      repliedAt: r.replied_at ? r.replied_at.toISOString() : null,
      overdue: r.overdue,
    }));
  }

  private async faults(codes: string[], from: string, to: string): Promise<FaultLine[]> {
    const rows = await this.dataSource.query<{ id: string; department_code: string; officer_id: string; officer_name: string; severity: string | null; measure: string; rule: string | null; committed_on: string; decided_on: string; state: string }[]>(
      `SELECT id, department_code, officer_id, officer_name, severity, measure, rule, to_char(committed_on, 'YYYY-MM-DD') AS committed_on,
              to_char(decided_on, 'YYYY-MM-DD') AS decided_on, state
         FROM register_entries WHERE department_code = ANY($1) AND kind = 'FAULT' AND decided_on BETWEEN $2::date AND $3::date
        ORDER BY decided_on, id`,
      [codes, from, to],
    );
    return rows.map((r) => ({
      id: r.id,
      departmentCode: r.department_code,
      officerId: r.officer_id,
      officerName: r.officer_name,
      severity: r.severity,
      measure: r.measure,
      rule: r.rule,
      committedOn: r.committed_on,
      decidedOn: r.decided_on,
      state: r.state,
    }));
  }
}
