import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { CountyReportAction, countyReportActionAllowedIn, countyReportDueOn, countyReportStanding, localDateOf } from '@app/domain';
import { parseQuarter, Quarter } from '@app/domain/reports';
import { quarterParam } from '../meetings/quarter-param';
import { AuditService } from '../../audit/audit.service';
import { EVERY_DEPARTMENT } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { CountyReportEntity } from '../../persistence/entities/accountability/county-report.entity';
import { ComplianceReportService } from '../../reports/compliance-report.service';
import { reportPeriod } from '../../reports/data/report-period';
import { ReportSubjectsService } from '../../reports/report-subjects.service';
import { isUuid, requireState, textOrNull } from '../scoped-record';
import { CountyReportSettingsRepository } from './county-report-settings';

/** The regions a principal may see: null = every one (the city); else a region supervisor's region and those below it. */
export type RegionScope = ReadonlySet<string> | null;

export interface CountyReportInput {
  period: string;
  regionCode?: string;
  narrative?: string;
}

/**
 * 县区报告: each county (region) supervision body reports to the city each quarter on its
 * accountability work — figures drawn from its own departments' data by the compliance-report
 * service, a narrative, signed off by its region supervisor; the city acknowledges it and may send
 * guidance back. Another region's report answers 404, exactly like one that does not exist.
 */
@Injectable()
export class CountyReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly subjects: ReportSubjectsService,
    private readonly reports: ComplianceReportService,
    private readonly settings: CountyReportSettingsRepository,
  ) {}

  /** A region supervisor sees its region and the regions below it; everyone else allowed here sees all. */
  async regionScope(principal: Principal): Promise<RegionScope> {
    if (principal.kind !== 'region_supervisor') return null;
    if (principal.regionCode === null) return new Set();
    const rows = await this.dataSource.query<{ code: string }[]>(
      `WITH RECURSIVE tree AS (SELECT code FROM regions WHERE code = $1 UNION SELECT r.code FROM regions r JOIN tree t ON r.parent_code = t.code)
       SELECT code FROM tree`,
      [principal.regionCode],
    );
    return new Set(rows.map((r) => r.code));
  }

  async create(principal: Principal, scope: RegionScope, input: CountyReportInput, now: Date) {
    const quarter = quarterParam(input.period, 'period');
    const regionCode = input.regionCode ?? (principal.kind === 'region_supervisor' ? principal.regionCode : null);
    if (!regionCode) throw new InvalidInputException([{ path: 'regionCode', message: 'is required' }]);
    if (scope !== null && !scope.has(regionCode)) throw notFound('regionCode', `region ${regionCode} not found`);
    const [region] = await this.dataSource.query<unknown[]>('SELECT 1 FROM regions WHERE code = $1', [regionCode]);
    if (!region) throw new InvalidInputException([{ path: 'regionCode', message: 'no such region' }]);
    const figures = await this.figures(regionCode, quarter, now);
    const { dueDaysAfterPeriodEnd } = await this.settings.current();
    return this.dataSource.transaction(async (manager) => {
      const report = Object.assign(new CountyReportEntity(), {
        id: randomUUID(),
        regionCode,
        period: quarter.key,
        state: 'DRAFT' as const,
        dueOn: countyReportDueOn(quarter.key, dueDaysAfterPeriodEnd)!,
        figures,
        narrative: input.narrative?.trim() ?? '',
        guidance: [],
        createdAt: now,
        createdBy: principalId(principal),
        updatedAt: now,
        submittedAt: null,
        submittedBy: null,
        acknowledgedAt: null,
        acknowledgedBy: null,
      });
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO county_reports (id, region_code, period, state, due_on, figures, narrative, guidance, created_at, created_by, updated_at)
         VALUES ($1, $2, $3, 'DRAFT', $4, $5, $6, '[]', $7, $8, $7) ON CONFLICT (region_code, period) DO NOTHING RETURNING id`,
        [report.id, regionCode, quarter.key, report.dueOn, JSON.stringify(figures), report.narrative, now, report.createdBy],
      );
      if (inserted.length === 0) throw new ConflictException(`region ${regionCode} already has a report for ${quarter.key}`);
      await this.audit.record({ actor: principal, action: 'county_report.draft', target: `county_report:${report.id}`, after: { regionCode, period: quarter.key, dueOn: report.dueOn } }, manager);
      return report;
    });
  }

  async edit(principal: Principal, scope: RegionScope, id: string, input: { narrative?: string; regenerate?: boolean }, now: Date) {
    if (input.narrative === undefined && !input.regenerate) throw new InvalidInputException([{ path: 'narrative', message: 'give narrative or regenerate' }]);
    const existing = await this.get(scope, id);
    const figures = input.regenerate ? await this.figures(existing.regionCode, parseQuarter(existing.period)!, now) : undefined;
    return this.change(principal, scope, id, 'edit', 'county_report.edit', now, {
      ...(input.narrative !== undefined ? { narrative: input.narrative.trim() } : {}),
      ...(figures ? { figures } : {}),
      updatedAt: now,
    });
  }

  /** Sign-off by the region's supervisor: the report goes to the city and can no longer be edited. */
  async submit(principal: Principal, scope: RegionScope, id: string, now: Date) {
    const existing = await this.get(scope, id);
    if (existing.narrative.trim() === '') throw new InvalidInputException([{ path: 'narrative', message: 'is required before sign-off' }]);
    return this.change(principal, scope, id, 'submit', 'county_report.submit', now, { state: 'SUBMITTED', submittedAt: now, submittedBy: principalId(principal), updatedAt: now });
  }

  async acknowledge(principal: Principal, id: string, comment: string | undefined, now: Date) {
    const note = textOrNull(comment);
    return this.change(principal, null, id, 'acknowledge', 'county_report.acknowledge', now, {
      state: 'ACKNOWLEDGED',
      acknowledgedAt: now,
      acknowledgedBy: principalId(principal),
      updatedAt: now,
    }, note ? { text: note } : undefined);
  }

  async guide(principal: Principal, id: string, text: string, now: Date) {
    return this.change(principal, null, id, 'guide', 'county_report.guidance', now, { updatedAt: now }, { text: text.trim() });
  }

  async list(scope: RegionScope, filter: { period?: string; regionCode?: string }) {
    if (filter.period !== undefined) quarterParam(filter.period, 'period');
    if (scope !== null && filter.regionCode !== undefined && !scope.has(filter.regionCode)) return [];
    const regions = filter.regionCode !== undefined ? [filter.regionCode] : scope === null ? undefined : [...scope];
    const rows = await this.dataSource.getRepository(CountyReportEntity).find({
      where: { ...(filter.period ? { period: filter.period } : {}), ...(regions ? { regionCode: In(regions) } : {}) },
      order: { period: 'DESC', regionCode: 'ASC' },
    });
    return rows.map(({ figures: _figures, ...row }) => row);
  }

  async get(scope: RegionScope, id: string): Promise<CountyReportEntity> {
    const found = isUuid(id) ? await this.dataSource.getRepository(CountyReportEntity).findOneBy({ id }) : null;
    if (!found || (scope !== null && !scope.has(found.regionCode))) throw notFound('id', `county report ${id} not found`);
    return found;
  }

  /**
   * The city's view of one period: every reporting region (a region with departments of its own and
   * no region below it — a county) with its report's state and standing; `late` = nothing submitted
   * and the due day over.
   */
  async standing(period: Quarter, now: Date) {
    const today = localDateOf(now, COUNTING_POLICY);
    const { dueDaysAfterPeriodEnd } = await this.settings.current();
    const defaultDueOn = countyReportDueOn(period.key, dueDaysAfterPeriodEnd)!;
    const rows = await this.dataSource.query<{ code: string; name: string; state: string | null; due_on: string | null; submitted_at: Date | null; id: string | null }[]>(
      `SELECT r.code, r.name, c.id, c.state, to_char(c.due_on, 'YYYY-MM-DD') AS due_on, c.submitted_at
         FROM regions r LEFT JOIN county_reports c ON c.region_code = r.code AND c.period = $1
        WHERE EXISTS (SELECT 1 FROM departments d WHERE d.region_code = r.code)
          AND NOT EXISTS (SELECT 1 FROM regions s WHERE s.parent_code = r.code)
        ORDER BY r.code`,
      [period.key],
    );
    const regions = rows.map((r) => {
      const dueOn = r.due_on ?? defaultDueOn;
      const submittedOn = r.submitted_at ? localDateOf(r.submitted_at, COUNTING_POLICY) : null;
      return { regionCode: r.code, regionName: r.name, reportId: r.id, state: r.state, dueOn, submittedOn, standing: countyReportStanding(dueOn, submittedOn, today) };
    });
    return { period: period.key, today, dueOn: defaultDueOn, regions, late: regions.filter((r) => r.standing === 'LATE') };
  }

  /** The region's figures for the quarter, from the compliance-report service (the daily series left out). */
  private async figures(regionCode: string, quarter: Quarter, now: Date): Promise<Record<string, unknown>> {
    const subject = await this.subjects.region(regionCode, EVERY_DEPARTMENT);
    const { daily: _daily, ...report } = await this.reports.build(subject, reportPeriod(quarter.from, quarter.to), now);
    return report;
  }

  private async change(
    principal: Principal,
    scope: RegionScope,
    id: string,
    action: CountyReportAction,
    auditAction: string,
    now: Date,
    change: Partial<CountyReportEntity>,
    guidance?: { text: string },
  ) {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const report = isUuid(id) ? await manager.getRepository(CountyReportEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!report || (scope !== null && !scope.has(report.regionCode))) throw notFound('id', `county report ${id} not found`);
      requireState(report.state, countyReportActionAllowedIn(action), `${action} this report`);
      const next = { ...change, ...(guidance ? { guidance: [...report.guidance, { text: guidance.text, sentAt: now.toISOString(), sentBy: principalId(principal) }] } : {}) };
      await manager.update(CountyReportEntity, { id }, next as never);
      const { figures: _figures, ...audited } = next;
      await this.audit.record({ actor: principal, action: auditAction, target: `county_report:${id}`, before: { state: report.state }, after: audited }, manager);
      return { ...report, ...next };
    });
  }
}
