import { ComplianceReportService } from './compliance-report.service';
import { MonitoringExportController } from './exports/monitoring-export.controller';
import { MonitoringExportService } from './exports/monitoring-export.service';
import { ReportFiguresRepository } from './data/report-figures.repository';
import { QuarterEndScheduler } from './quarterly/quarter-end.scheduler';
import { QuarterlyController } from './quarterly/quarterly.controller';
import { QuarterlyReportService } from './quarterly/quarterly-report.service';
import { ReportSubjectsService } from './report-subjects.service';
import { ReportsController } from './reports.controller';
import { ReportRollupMaintainer } from './rollups/report-rollup-maintainer.service';
import { ReportRollupRebuildService } from './rollups/report-rollup-rebuild.service';
import { ReportRollupRepository } from './rollups/report-rollup.repository';
import { ReportRollupsController } from './rollups/report-rollups.controller';
import { ReportSettingsController } from './settings/report-settings.controller';
import { ReportSettingsRepository } from './settings/report-settings.repository';

/** Compliance reports, the quarterly joint-meeting pack, the daily rollups and report settings. */
export const REPORT_CONTROLLERS = [ReportsController, QuarterlyController, ReportSettingsController, ReportRollupsController, MonitoringExportController];

export const REPORT_PROVIDERS = [
  ReportRollupRepository,
  ReportRollupMaintainer,
  ReportRollupRebuildService,
  ReportFiguresRepository,
  ReportSubjectsService,
  ReportSettingsRepository,
  ComplianceReportService,
  QuarterlyReportService,
  QuarterEndScheduler,
  MonitoringExportService,
];
