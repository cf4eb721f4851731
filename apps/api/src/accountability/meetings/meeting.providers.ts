import { CountyReportSettingsRepository } from '../county-reports/county-report-settings';
import { CountyReportService } from '../county-reports/county-report.service';
import { CountyReportsController } from '../county-reports/county-reports.controller';
import { JointMeetingService } from './joint-meeting.service';
import { JointMeetingsController } from './joint-meetings.controller';
import { MeetingAgendaSource } from './meeting-agenda';

/** Issue 15 items 6–7: the quarterly joint meeting and the county reports to the city. */
export const MEETING_CONTROLLERS = [JointMeetingsController, CountyReportsController];

export const MEETING_PROVIDERS = [MeetingAgendaSource, JointMeetingService, CountyReportService, CountyReportSettingsRepository];

/** What the HTTP module's controllers use. */
export const MEETING_EXPORTS = [JointMeetingService, CountyReportService, CountyReportSettingsRepository];
