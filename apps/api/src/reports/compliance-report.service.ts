import { Injectable } from '@nestjs/common';
import { addCalendarDays } from '@app/domain';
import { ComplianceMetrics, computeComplianceMetrics, DailyCounters, mergeMetricInputs } from '@app/domain/reports';
import { ReportFiguresRepository } from './data/report-figures.repository';
import { ReportPeriod } from './data/report-period';
import { DepartmentRef, ReportKind, ReportSubject } from './report-subjects.service';

export interface DailyRow {
  day: string;
  accepted: number;
  completed: number;
  terminated: number;
  events: number;
  eventsLate: number;
}

export interface DepartmentLine extends DepartmentRef {
  metrics: ComplianceMetrics;
}

/** A compliance report as data: what every format (JSON, CSV, XLSX, HTML) renders. */
export interface ComplianceReport {
  kind: ReportKind;
  subject: { code: string | null; name: string; departmentCount: number };
  period: { from: string; to: string };
  generatedAt: string;
  metrics: ComplianceMetrics;
  daily: DailyRow[];
  /** One line per department, for a region or the city. */
  departments: DepartmentLine[];
}

/** Builds the compliance report of a subject for a period from the rollup and the registers. */
@Injectable()
export class ComplianceReportService {
  constructor(private readonly figures: ReportFiguresRepository) {}

  async build(subject: ReportSubject, period: ReportPeriod, now: Date): Promise<ComplianceReport> {
    const codes = subject.departments.map((d) => d.code);
    const [inputs, daily] = await Promise.all([this.figures.inputsByDepartment(codes, period, now), this.figures.daily(codes, period)]);
    return {
      kind: subject.kind,
      subject: { code: subject.code, name: subject.name, departmentCount: codes.length },
      period: { from: period.from, to: period.to },
      generatedAt: now.toISOString(),
      metrics: computeComplianceMetrics(mergeMetricInputs([...inputs.values()])),
      daily: everyDay(period, new Map(daily.map((d) => [d.day, d.counters]))),
      departments: subject.kind === 'department' ? [] : subject.departments.map((d) => ({ ...d, metrics: computeComplianceMetrics(inputs.get(d.code)!) })),
    };
  }
}

/** One row per day of the period, zeros included, so a chart's time axis is true. */
function everyDay(period: ReportPeriod, rows: Map<string, DailyCounters>): DailyRow[] {
  const out: DailyRow[] = [];
  for (let day = period.from; day <= period.to; day = addCalendarDays(day, 1)) {
    const c = rows.get(day);
    out.push({ day, accepted: c?.accepted ?? 0, completed: c?.completed ?? 0, terminated: c?.terminated ?? 0, events: c?.events ?? 0, eventsLate: c?.eventsLate ?? 0 });
  }
  return out;
}
