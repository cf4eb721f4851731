import { DEPARTMENT_KINDS, DEPARTMENT_SANCTION_MEASURES, DISCIPLINE_FUNDS_MEASURES, FAULT_SEVERITIES, HEAD_MEASURES } from '@app/domain/reports';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

export interface FaultInput {
  alertId: string;
  officerId?: string;
  severity: (typeof FAULT_SEVERITIES)[number];
  measure: string;
  basis: string;
  directResponsibility: boolean;
  decidedOn?: string;
  committedOn?: string;
}

export const faultInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['alertId', 'severity', 'measure', 'basis', 'directResponsibility'],
  properties: {
    alertId: { type: 'string', format: 'uuid' },
    officerId: { type: 'string', minLength: 1, maxLength: 64, description: 'default: the card’s responsible officer' },
    severity: { type: 'string', enum: [...FAULT_SEVERITIES] },
    measure: { type: 'string', maxLength: 32, description: 'MINOR: CRITICISM_EDUCATION | CIRCULATED_CRITICISM; SERIOUS: CAUTION (告诫) | TRANSFER; GRAVE: SUSPENSION | REMOVAL' },
    basis: text(4000),
    directResponsibility: { type: 'boolean' },
    decidedOn: { ...date, description: 'default: today' },
    committedOn: { ...date, description: 'the day the fault was committed; default: the card’s breach day. The register’s year is this day’s year' },
  },
};

/** Recorded by the centre; warning talks are the department's own (see warningTalkInputSchema). */
export const CENTRE_ENTRY_KINDS = ['HEAD_ACCOUNTABILITY', 'REPRIMAND', 'ADMONITORY_TALK'] as const;

export interface EntryInput {
  kind: (typeof CENTRE_ENTRY_KINDS)[number];
  departmentCode: string;
  officerId: string;
  measure: string;
  basis: string;
  directResponsibility?: boolean;
  decidedOn?: string;
  committedOn?: string;
  supervisionOrderId?: string;
}

export const entryInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'departmentCode', 'officerId', 'measure', 'basis'],
  properties: {
    kind: { type: 'string', enum: [...CENTRE_ENTRY_KINDS] },
    departmentCode: { type: 'string', minLength: 1, maxLength: 32 },
    officerId: { type: 'string', minLength: 1, maxLength: 64 },
    measure: { type: 'string', maxLength: 32 },
    basis: text(4000),
    directResponsibility: { type: 'boolean' },
    decidedOn: date,
    committedOn: { ...date, description: 'the day of the conduct; default: decidedOn. The register’s year is this day’s year' },
    supervisionOrderId: { type: 'string', format: 'uuid' },
  },
};

/** 警醒谈话: a department supervisor records a talk with one of the department's officers. */
export interface WarningTalkInput {
  officerId: string;
  heldOn?: string;
  notes: string;
}

export const warningTalkInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['officerId', 'notes'],
  properties: {
    officerId: { type: 'string', minLength: 1, maxLength: 64 },
    heldOn: { ...date, description: 'default: today' },
    notes: { ...text(4000), description: 'who talked, about what' },
  },
};

export const appealSchema = { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(4000) } };

export const appealDecisionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['decision', 'comment'],
  properties: { decision: { type: 'string', enum: ['UPHOLD', 'REJECT'] }, comment: text(4000) },
};

/** A record on a department as a whole: 通报批评 / 警告, or funds gained in breach of discipline. */
export interface DepartmentEntryInput {
  kind: (typeof DEPARTMENT_KINDS)[number];
  departmentCode: string;
  measure: string;
  basis: string;
  /** DISCIPLINE_FUNDS only: the amount in yuan. */
  amount?: number;
  decidedOn?: string;
  committedOn?: string;
  supervisionOrderId?: string;
}

export const departmentEntryInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'departmentCode', 'measure', 'basis'],
  properties: {
    kind: { type: 'string', enum: [...DEPARTMENT_KINDS] },
    departmentCode: { type: 'string', minLength: 1, maxLength: 32 },
    measure: {
      type: 'string',
      maxLength: 32,
      description: `DEPARTMENT_SANCTION: ${DEPARTMENT_SANCTION_MEASURES.join(' (通报批评) | ')} (警告); DISCIPLINE_FUNDS: ${DISCIPLINE_FUNDS_MEASURES.join(' (追缴) | ')} (上缴国库)`,
    },
    basis: text(4000),
    amount: { type: 'number', minimum: 0.01, maximum: 999999999999, description: 'DISCIPLINE_FUNDS only: 违纪所得款项, yuan (at most two decimals)' },
    decidedOn: { ...date, description: 'default: today' },
    committedOn: { ...date, description: 'the day of the conduct; default: decidedOn' },
    supervisionOrderId: { type: 'string', format: 'uuid', description: 'the order the department failed, if any' },
  },
};

/** A centre supervisor's decision on a head-accountability proposal. */
export interface ProposalConfirmation {
  measure: string;
  officerId?: string;
  comment: string;
}

export const proposalConfirmationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['measure', 'comment'],
  properties: {
    measure: { type: 'string', enum: [...HEAD_MEASURES] },
    officerId: { type: 'string', minLength: 1, maxLength: 64, description: 'default: the head proposed (the department’s recorded head)' },
    comment: text(4000),
  },
};

export const proposalDismissalSchema = { type: 'object', additionalProperties: false, required: ['comment'], properties: { comment: text(4000) } };
