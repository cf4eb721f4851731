import { ingestBatchSchema, INGEST_LIMITS } from '@app/contracts';

type Schema = Record<string, unknown>;

const fieldError: Schema = {
  type: 'object',
  description: 'One thing to fix: where (`path`: a body field, a query or path parameter, a header, or `(body)`, `(url)`, `(request)`) and why.',
  required: ['path', 'message'],
  properties: {
    path: { type: 'string', examples: ['events[3].occurredAt', 'limit', 'content-type', 'authorization'] },
    message: { type: 'string', examples: ['is more than 10 minutes in the future (the tolerated clock skew)'] },
  },
};

/** The one shape of every error answer (4xx and 5xx), built in common/field-errors.ts and the ErrorFilter. */
const problem: Schema = {
  type: 'object',
  description: 'Every error answer has this shape. `errors` names each field at fault and the reason.',
  required: ['statusCode', 'error', 'message', 'errors'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string', description: 'The HTTP reason phrase', examples: ['Bad Request'] },
    message: { type: 'string', description: 'What went wrong, in one line' },
    errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
  },
};

const ingestResult: Schema = {
  type: 'object',
  description: 'Per-batch outcome. Rejected events are listed with their index in the batch; the others were stored (or were duplicates of stored ones).',
  required: ['accepted', 'duplicates', 'rejected'],
  additionalProperties: false,
  properties: {
    accepted: { type: 'integer', minimum: 0 },
    duplicates: { type: 'integer', minimum: 0, description: 'events whose eventId was already stored with the same content' },
    rejected: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'eventId', 'errors'],
        additionalProperties: false,
        properties: {
          index: { type: 'integer', minimum: 0 },
          eventId: { type: ['string', 'null'] },
          errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
        },
      },
    },
  },
};

const session: Schema = {
  type: 'object',
  required: ['accessToken', 'tokenType', 'expiresIn'],
  properties: {
    accessToken: { type: 'string', description: 'send as `Authorization: Bearer <accessToken>`' },
    tokenType: { const: 'Bearer' },
    expiresIn: { type: 'integer', description: 'seconds' },
  },
};

const health: Schema = { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } };

const check: Schema = {
  type: 'object',
  required: ['ok'],
  properties: { ok: { type: 'boolean' }, error: { type: 'string' } },
};

const readiness: Schema = {
  type: 'object',
  required: ['status', 'details'],
  properties: {
    status: { enum: ['ready', 'not-ready'] },
    details: { type: 'object', required: ['database', 'queue'], properties: { database: check, queue: check } },
    warnings: { type: 'array', items: {} },
  },
};

/** A page of a list: the items of this page and the total across pages. */
const page: Schema = {
  type: 'object',
  required: ['items', 'total'],
  properties: {
    items: { type: 'array', items: { type: 'object' } },
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
  },
};

export const COMPONENT_SCHEMAS: Readonly<Record<string, Schema>> = {
  FieldError: fieldError,
  Problem: problem,
  // The event contract as it is (JSON Schema 2020-12 compatible; OpenAPI 3.1 schemas are JSON Schema).
  IngestBatch: {
    ...ingestBatchSchema,
    description: `At most ${INGEST_LIMITS.maxEventsPerBatch} events and ${INGEST_LIMITS.maxBodyBytes} bytes (1 MiB) per request; larger batches answer 413: split them.`,
  },
  IngestResult: ingestResult,
  Session: session,
  Health: health,
  Readiness: readiness,
  Page: page,
  JsonObject: { type: 'object', description: 'A JSON object (the resource; its fields are described in docs/console-api.md)' },
  JsonArray: { type: 'array', items: {}, description: 'A JSON array' },
  File: { type: 'string', contentMediaType: 'application/octet-stream', description: 'A file (CSV, XLSX or HTML), sent with Content-Disposition' },
};
