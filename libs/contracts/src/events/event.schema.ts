import { QUERY_CODE_PATTERN } from './query-code';
import { DECISION_OUTCOMES, EVENT_TYPES, EventType, SUBMISSION_CHANNELS, SUSPENSION_REASONS } from './event-types';

/**
 * JSON Schemas (draft-07) for the event contract. The envelope and each type's `data` are separate
 * schemas so the validator can report `data` errors precisely; `caseEventSchema` joins them for
 * publication (OpenAPI, docs, department integrators).
 */
const shortText = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const stringList = { type: 'array', items: shortText(200), maxItems: 200 };
const optionalText = { type: 'string', maxLength: 2000 };

export const envelopeSchema = {
  $id: 'https://licensing-monitor/schemas/case-event-envelope.json',
  type: 'object',
  additionalProperties: false,
  required: ['eventId', 'departmentCode', 'caseId', 'itemCode', 'type', 'occurredAt', 'data'],
  properties: {
    eventId: shortText(64),
    departmentCode: shortText(32),
    caseId: shortText(64),
    itemCode: shortText(64),
    type: { type: 'string', enum: [...EVENT_TYPES] },
    occurredAt: {
      type: 'string',
      format: 'date-time',
      // ajv-formats' date-time accepts a missing offset in some modes; require one explicitly.
      pattern: '(Z|z|[+-]\\d{2}:\\d{2})$',
      maxLength: 40,
    },
    seq: { type: 'integer', minimum: 0, maximum: 2147483647 },
    officerId: shortText(64),
    queryCode: {
      type: 'string',
      pattern: QUERY_CODE_PATTERN,
      description:
        'the query code (查询码) the department gave the applicant, for the public progress lookup; the centre keeps only a salted hash, never the code',
    },
    data: { type: 'object' },
  },
} as const;

const reasonOnly = { type: 'object', properties: { reason: optionalText } };

export const dataSchemas: Record<EventType, object> = {
  SUBMITTED: {
    type: 'object',
    required: ['channel', 'documents'],
    properties: { channel: { type: 'string', enum: [...SUBMISSION_CHANNELS] }, documents: stringList },
  },
  CORRECTION_REQUESTED: { type: 'object', required: ['missing'], properties: { missing: stringList } },
  CORRECTION_SUBMITTED: { type: 'object', required: ['documents'], properties: { documents: stringList } },
  ACCEPTED: { type: 'object', properties: { documents: stringList } },
  NOT_ACCEPTED: { type: 'object', properties: { reason: optionalText, legalBasis: optionalText } },
  STEP_STARTED: { type: 'object', required: ['step'], properties: { step: shortText(64) } },
  STEP_COMPLETED: {
    type: 'object',
    required: ['step'],
    properties: { step: shortText(64), opinion: optionalText },
  },
  SUSPENDED: {
    type: 'object',
    required: ['reason', 'expectedDays', 'noticeIssued'],
    properties: {
      reason: { type: 'string', enum: [...SUSPENSION_REASONS] },
      expectedDays: { type: 'integer', minimum: 0, maximum: 3650 },
      noticeIssued: { type: 'boolean' },
    },
  },
  RESUMED: { type: 'object' },
  EXTENDED: {
    type: 'object',
    required: ['days'],
    properties: {
      days: { type: 'integer', minimum: 1, maximum: 3650 },
      approvedBy: shortText(64),
      reason: optionalText,
    },
  },
  FORWARDED: { type: 'object', required: ['toDepartmentCode'], properties: { toDepartmentCode: shortText(32) } },
  FEE_CHARGED: {
    type: 'object',
    required: ['amountFen'],
    properties: { amountFen: { type: 'integer', minimum: 0, maximum: 1e12 } },
  },
  DECIDED: {
    type: 'object',
    required: ['outcome'],
    properties: {
      outcome: { type: 'string', enum: [...DECISION_OUTCOMES] },
      reason: optionalText,
      legalBasis: optionalText,
    },
  },
  CERTIFICATE_ISSUED: { type: 'object', properties: { certificateNo: shortText(128) } },
  WITHDRAWN: reasonOnly,
  RETURNED: reasonOnly,
  VOIDED: reasonOnly,
};

/** The whole event as one schema, for publication. */
export const caseEventSchema = {
  ...envelopeSchema,
  $id: 'https://licensing-monitor/schemas/case-event.json',
  allOf: EVENT_TYPES.map((type) => ({
    if: { properties: { type: { const: type } } },
    then: { properties: { data: dataSchemas[type] } },
  })),
};

export const ingestBatchSchema = {
  $id: 'https://licensing-monitor/schemas/ingest-batch.json',
  type: 'object',
  required: ['events'],
  properties: { events: { type: 'array', items: caseEventSchema } },
};
