import { CountyReportEntity, CountyReportSettingsEntity } from './county-report.entity';
import { JointMeetingEntity } from './joint-meeting.entity';
import { MeetingResolutionEntity } from './meeting-resolution.entity';

/** The joint meeting (联席会议), its resolutions, and the county reports to the city. */
export const MEETING_ENTITIES = [JointMeetingEntity, MeetingResolutionEntity, CountyReportEntity, CountyReportSettingsEntity];
