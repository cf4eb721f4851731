/**
 * Request bodies of the joint meeting (联席会议) and the county reports (JSON Schema, validated by
 * the API's ajv; a failure answers 400 naming each field).
 */

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });
const day = { type: 'string', format: 'date', pattern: '^2[01]\\d{2}-', description: 'a local date, YYYY-MM-DD (2000–2199)' };

/** A body (单位) by code and name: free for now; a bodies table may later give the codes. */
export const BODY_REF_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }, name: text(200) },
} as const;

export const JOINT_MEETING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['heldOn', 'attendees'],
  properties: {
    heldOn: day,
    attendees: { type: 'array', minItems: 1, maxItems: 60, items: BODY_REF_SCHEMA },
    notes: { type: 'string', maxLength: 20000 },
  },
} as const;

export const MEETING_RESOLUTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'owner', 'dueOn'],
  properties: {
    text: text(2000),
    owner: BODY_REF_SCHEMA,
    departmentCode: { type: 'string', minLength: 1, maxLength: 32, description: 'the department concerned: the overdue card is raised on it' },
    dueOn: day,
  },
} as const;

export const RESOLUTION_DONE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['note'],
  properties: { note: text(4000) },
} as const;

export const COUNTY_REPORT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['period'],
  properties: {
    period: { type: 'string', pattern: '^\\d{4}Q[1-4]$', description: 'a quarter, e.g. 2026Q3' },
    regionCode: { type: 'string', minLength: 1, maxLength: 64, description: 'default: the region supervisor’s own region' },
    narrative: { type: 'string', maxLength: 50000 },
  },
} as const;

export const COUNTY_REPORT_EDIT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    narrative: { type: 'string', maxLength: 50000 },
    regenerate: { type: 'boolean', description: 'draw the figures again from the region’s data' },
  },
} as const;

export const COUNTY_REPORT_ACK_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 4000 } },
} as const;

export const COUNTY_REPORT_GUIDANCE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: text(10000) },
} as const;

export const COUNTY_REPORT_SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['dueDaysAfterPeriodEnd'],
  properties: { dueDaysAfterPeriodEnd: { type: 'integer', minimum: 0, maximum: 90 } },
} as const;

export interface BodyRef {
  code: string;
  name: string;
}
