import { FAULT_SEVERITIES, REGISTER_KINDS } from '@app/domain/reports';

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
}

export const faultInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['alertId', 'severity', 'measure', 'basis', 'directResponsibility'],
  properties: {
    alertId: { type: 'string', format: 'uuid' },
    officerId: { type: 'string', minLength: 1, maxLength: 64, description: 'default: the card’s responsible officer' },
    severity: { type: 'string', enum: [...FAULT_SEVERITIES] },
    measure: { type: 'string', maxLength: 32, description: 'MINOR: CRITICISM_EDUCATION | CIRCULATED_CRITICISM; SERIOUS: ADMONITION | TRANSFER; GRAVE: SUSPENSION | REMOVAL' },
    basis: text(4000),
    directResponsibility: { type: 'boolean' },
    decidedOn: { ...date, description: 'default: today' },
  },
};

export interface EntryInput {
  kind: 'HEAD_ACCOUNTABILITY' | 'REPRIMAND' | 'WARNING_TALK';
  departmentCode: string;
  officerId: string;
  measure: string;
  basis: string;
  directResponsibility?: boolean;
  decidedOn?: string;
  supervisionOrderId?: string;
}

export const entryInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'departmentCode', 'officerId', 'measure', 'basis'],
  properties: {
    kind: { type: 'string', enum: REGISTER_KINDS.filter((k) => k !== 'FAULT') },
    departmentCode: { type: 'string', minLength: 1, maxLength: 32 },
    officerId: { type: 'string', minLength: 1, maxLength: 64 },
    measure: { type: 'string', maxLength: 32 },
    basis: text(4000),
    directResponsibility: { type: 'boolean' },
    decidedOn: date,
    supervisionOrderId: { type: 'string', format: 'uuid' },
  },
};

export const appealSchema = { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(4000) } };

export const appealDecisionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['decision', 'comment'],
  properties: { decision: { type: 'string', enum: ['UPHOLD', 'REJECT'] }, comment: text(4000) },
};
