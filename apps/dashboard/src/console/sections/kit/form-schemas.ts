import {
  COUNTY_REPORT_ACK_SCHEMA,
  COUNTY_REPORT_EDIT_SCHEMA,
  COUNTY_REPORT_GUIDANCE_SCHEMA,
  COUNTY_REPORT_SCHEMA,
  COUNTY_REPORT_SETTINGS_SCHEMA,
  departmentInputSchema,
  displayInputSchema,
  itemInputSchema,
  JOINT_MEETING_SCHEMA,
  MEETING_RESOLUTION_SCHEMA,
  officerInputSchema,
  regionInputSchema,
  RESOLUTION_DONE_SCHEMA,
  userInputSchema,
} from '../../../../../../libs/contracts/src';

/**
 * The JSON schemas the console's forms share with the API, by name. Imported with a relative path
 * because the build-time plugin (form-validators.plugin.mjs) loads this file outside Vite's aliases.
 */
export const FORM_SCHEMAS = {
  region: regionInputSchema,
  department: departmentInputSchema,
  item: itemInputSchema,
  officer: officerInputSchema,
  user: userInputSchema,
  display: displayInputSchema,
  // 联席会议 and 县区报告 (issue 15, items 6–7)
  jointMeeting: JOINT_MEETING_SCHEMA,
  meetingResolution: MEETING_RESOLUTION_SCHEMA,
  resolutionDone: RESOLUTION_DONE_SCHEMA,
  countyReport: COUNTY_REPORT_SCHEMA,
  countyReportEdit: COUNTY_REPORT_EDIT_SCHEMA,
  countyReportAck: COUNTY_REPORT_ACK_SCHEMA,
  countyReportGuidance: COUNTY_REPORT_GUIDANCE_SCHEMA,
  countyReportSettings: COUNTY_REPORT_SETTINGS_SCHEMA,
} as const;

export type FormSchemaName = keyof typeof FORM_SCHEMAS;
