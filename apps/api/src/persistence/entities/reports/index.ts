import { QuarterlyReportEntity } from './quarterly-report.entity';
import { ReportCaseFactEntity } from './report-case-fact.entity';
import { ReportDailyRollupEntity } from './report-daily-rollup.entity';
import { ReportSettingsEntity } from './report-settings.entity';

/** The tables of the reports (listed in persistence/entities/index.ts). */
export const REPORT_ENTITIES = [ReportDailyRollupEntity, ReportCaseFactEntity, ReportSettingsEntity, QuarterlyReportEntity];
