import { BODY_KINDS, BODY_REPORT_KINDS, BodyKind, BodyReportKind, CLUE_CHANNELS, CLUE_OUTCOMES, CODE_PATTERN, ClueChannel, ClueOutcome } from '@app/contracts';
import { FAULT_SEVERITIES, FaultSeverity } from '@app/domain/reports';
import { requiredText } from '../oversight-http';

/** Request bodies of the clue, body and delivery routes (validated with the contracts' ajv). */

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const code = { type: 'string', minLength: 1, maxLength: 32, pattern: CODE_PATTERN.source };
const codes = (max: number) => ({ type: 'array', items: code, uniqueItems: true, maxItems: max });

export interface BodyInput {
  name: string;
  kind: BodyKind;
}

export const bodyInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind'],
  properties: { name: requiredText(200), kind: { type: 'string', enum: [...BODY_KINDS] } },
};

export interface BodyReportInput {
  bodyCode: string;
  kind: BodyReportKind;
  referenceNo: string;
  title: string;
  issuedOn: string;
  summary: string;
  departmentCodes: string[];
}

export const bodyReportInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['bodyCode', 'kind', 'referenceNo', 'title', 'issuedOn', 'summary', 'departmentCodes'],
  properties: {
    bodyCode: code,
    kind: { type: 'string', enum: [...BODY_REPORT_KINDS] },
    referenceNo: { ...requiredText(100), description: '文号' },
    title: requiredText(300),
    issuedOn: date,
    summary: requiredText(8000),
    departmentCodes: { ...codes(50), minItems: 1, description: 'the departments the report concerns' },
  },
};

export interface ClueInput {
  channel?: ClueChannel;
  subject: string;
  detail: string;
  bodyReportId?: string;
  sourceBodyCode?: string;
  source?: { referenceNo?: string; title?: string; date?: string; text?: string; fileRef?: string };
  departmentCodes: string[];
  officerIds?: string[];
  cases?: { departmentCode: string; caseId: string }[];
  alertIds?: string[];
  complaintId?: string;
}

export const clueInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'detail', 'departmentCodes'],
  properties: {
    channel: { type: 'string', enum: [...CLUE_CHANNELS], description: 'required unless bodyReportId is given (then: the report kind’s channel)' },
    subject: requiredText(300),
    detail: requiredText(8000),
    bodyReportId: { type: 'string', format: 'uuid', description: 'the body’s report the clue is opened from (its body, 文号, title and date become the source)' },
    sourceBodyCode: { ...code, description: 'the body that passed the clue on (feedback goes back to it); default: the report’s body' },
    source: {
      type: 'object',
      additionalProperties: false,
      description: 'the source document; referenceNo, title and date are required unless bodyReportId is given',
      properties: {
        referenceNo: requiredText(100),
        title: requiredText(300),
        date,
        text: { type: 'string', maxLength: 20000 },
        fileRef: { type: 'string', minLength: 1, maxLength: 500, description: 'where the scanned document is kept' },
      },
    },
    departmentCodes: { ...codes(20), minItems: 1, description: 'the departments concerned; the first leads (an overdue card is raised on it)' },
    officerIds: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, uniqueItems: true, maxItems: 50 },
    cases: {
      type: 'array',
      maxItems: 50,
      items: { type: 'object', additionalProperties: false, required: ['departmentCode', 'caseId'], properties: { departmentCode: code, caseId: { type: 'string', minLength: 1, maxLength: 64 } } },
    },
    alertIds: { type: 'array', items: { type: 'string', format: 'uuid' }, uniqueItems: true, maxItems: 50 },
    complaintId: { type: 'string', format: 'uuid' },
  },
};

export interface AssignInput {
  assignee: string;
  deadlineWorkingDays?: number;
}

export const assignInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['assignee'],
  properties: {
    assignee: { type: 'string', minLength: 1, maxLength: 64, description: 'the investigator: a centre or region supervisor’s username' },
    deadlineWorkingDays: { type: 'integer', minimum: 1, maximum: 250, description: 'default: CLUE_INVESTIGATION_WORKING_DAYS (30); kept when re-assigned' },
  },
};

/** Register kinds on a department as a whole (the rest are an officer's). */
export const CLUE_DEPARTMENT_KINDS = ['DEPARTMENT_SANCTION', 'DISCIPLINE_FUNDS'] as const;

/**
 * The register entry a substantiated clue records: an officer's (officerId), or the department's as a
 * whole (通报批评 / 警告, 违纪所得款项: departmentCode, amount for the funds).
 */
export interface SanctionInput {
  officerId?: string;
  departmentCode?: string;
  kind: 'FAULT' | 'HEAD_ACCOUNTABILITY' | 'REPRIMAND' | 'ADMONITORY_TALK' | (typeof CLUE_DEPARTMENT_KINDS)[number];
  severity?: FaultSeverity;
  amount?: number;
  measure: string;
  directResponsibility?: boolean;
  committedOn?: string;
  decidedOn?: string;
}

export interface ConcludeInput {
  outcome: ClueOutcome;
  conclusion: string;
  sanction?: SanctionInput;
  referredToBodyCode?: string;
}

export const concludeInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'conclusion'],
  properties: {
    outcome: { type: 'string', enum: [...CLUE_OUTCOMES] },
    conclusion: requiredText(8000),
    sanction: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'measure'],
      description: 'SUBSTANTIATED (required): the register entry to record — an officer’s (officerId) or a department’s as a whole (departmentCode)',
      properties: {
        officerId: { type: 'string', minLength: 1, maxLength: 64, description: 'an officer’s entry (FAULT, HEAD_ACCOUNTABILITY, REPRIMAND, ADMONITORY_TALK): required' },
        departmentCode: { type: 'string', minLength: 1, maxLength: 32, description: 'a department’s entry (DEPARTMENT_SANCTION, DISCIPLINE_FUNDS): one of the clue’s departments, required' },
        kind: { type: 'string', enum: ['FAULT', 'HEAD_ACCOUNTABILITY', 'REPRIMAND', 'ADMONITORY_TALK', ...CLUE_DEPARTMENT_KINDS] },
        severity: { type: 'string', enum: [...FAULT_SEVERITIES], description: 'FAULT: required' },
        amount: { type: 'number', minimum: 0.01, maximum: 999999999999, description: 'DISCIPLINE_FUNDS: 违纪所得款项, yuan (at most two decimals)' },
        measure: { type: 'string', minLength: 1, maxLength: 32 },
        directResponsibility: { type: 'boolean' },
        committedOn: date,
        decidedOn: date,
      },
    },
    referredToBodyCode: { ...code, description: 'REFERRED (required): the body the matter goes to' },
  },
};

export const acknowledgeInputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { reply: { ...requiredText(4000), description: 'the body’s answer, if any' } },
};
