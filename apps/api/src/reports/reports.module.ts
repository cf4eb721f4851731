import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../auth/identity.module';
import { IngestModule } from '../ingest/ingest.module';
import { ComplianceReportService } from './compliance-report.service';
import { MonitoringExportService } from './exports/monitoring-export.service';
import { QuarterlyReportService } from './quarterly/quarterly-report.service';
import { ReportSubjectsService } from './report-subjects.service';
import { REPORT_CONTROLLERS, REPORT_PROVIDERS } from './reports.providers';
import { ReportRollupMaintainer } from './rollups/report-rollup-maintainer.service';
import { ReportRollupRebuildService } from './rollups/report-rollup-rebuild.service';
import { ReportSettingsRepository } from './settings/report-settings.repository';

/** Compliance reports, the quarterly pack, daily rollups, exports and report settings. */
@Module({
  imports: [AuditModule, IdentityModule, IngestModule],
  providers: REPORT_PROVIDERS,
  // ReportRollupMaintainer is the projection's ProjectionFollower (bound in app-ports.module.ts).
  exports: [
    ReportRollupMaintainer,
    ReportSettingsRepository,
    ReportSubjectsService,
    ComplianceReportService,
    QuarterlyReportService,
    ReportRollupRebuildService,
    MonitoringExportService,
  ],
})
export class ReportsModule {}

/** Reports over HTTP (api roles). */
@Module({ imports: [ReportsModule, AuditModule], controllers: REPORT_CONTROLLERS })
export class ReportsHttpModule {}
