import { DEFAULT_GRADING_SETTINGS, DEFAULT_REGISTER_SETTINGS, FAULT_SEVERITIES, GradingSettings, RegisterSettings, SCORE_COMPONENTS } from '@app/domain/reports';

/** The centre's report settings: grading of the joint meeting, and the limits of its own registers. */
export interface ReportSettings {
  grading: GradingSettings;
  /** A complaint must be accepted or refused within this many working days of receipt (default 5). */
  complaintAcceptanceWorkingDays: number;
  /** An accepted complaint must be answered within this many working days (default 15). */
  complaintHandlingWorkingDays: number;
  /** Deadline of a supervision order that names none (default 5 working days). */
  supervisionOrderWorkingDays: number;
  /** "一般过错达3次": which faults, and how many, make an officer 不称职 (default: 3 general faults). */
  register: RegisterSettings;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = Object.freeze({
  grading: DEFAULT_GRADING_SETTINGS,
  complaintAcceptanceWorkingDays: 5,
  complaintHandlingWorkingDays: 15,
  supervisionOrderWorkingDays: 5,
  register: DEFAULT_REGISTER_SETTINGS,
});

const nonNegative = { type: 'number', minimum: 0, maximum: 1000 };
const workingDays = { type: 'integer', minimum: 1, maximum: 250 };
const score = { type: 'number', minimum: 0, maximum: 100 };

/** The whole document is replaced at once (PUT), so every field is required. */
export const reportSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['grading', 'complaintAcceptanceWorkingDays', 'complaintHandlingWorkingDays', 'supervisionOrderWorkingDays'],
  properties: {
    grading: {
      type: 'object',
      additionalProperties: false,
      required: ['weights', 'cardWeights', 'deductions', 'thresholds'],
      properties: {
        weights: { type: 'object', additionalProperties: false, required: [...SCORE_COMPONENTS], properties: Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, nonNegative])) },
        cardWeights: { type: 'object', additionalProperties: false, required: ['PROMPT', 'YELLOW', 'RED'], properties: { PROMPT: nonNegative, YELLOW: nonNegative, RED: nonNegative } },
        deductions: {
          type: 'object',
          additionalProperties: false,
          required: ['overdueSupervisionOrder', 'overdueComplaint', 'fault'],
          // The department sanctions are optional: documents stored before them keep validating.
          properties: { overdueSupervisionOrder: score, overdueComplaint: score, fault: score, circulatedCriticism: score, departmentWarning: score },
        },
        thresholds: { type: 'object', additionalProperties: false, required: ['excellent', 'good', 'pass'], properties: { excellent: score, good: score, pass: score } },
      },
    },
    complaintAcceptanceWorkingDays: workingDays,
    complaintHandlingWorkingDays: workingDays,
    supervisionOrderWorkingDays: workingDays,
    // Optional so a document written before it still validates; the default applies when absent.
    register: {
      type: 'object',
      additionalProperties: false,
      required: ['incompetentAfterFaults', 'incompetentCountsSeverities'],
      properties: {
        incompetentAfterFaults: { type: 'integer', minimum: 1, maximum: 50 },
        incompetentCountsSeverities: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...FAULT_SEVERITIES] } },
      },
    },
  },
};
