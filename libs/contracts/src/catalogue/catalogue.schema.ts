import { ITEM_KINDS } from './catalogue-types';

const name = { type: 'string', minLength: 1, maxLength: 200 };
const code = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' };
const days = { type: 'integer', minimum: 0, maximum: 3650 };

export const regionInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name,
    parentCode: code,
    governmentHeads: {
      type: 'array',
      maxItems: 20,
      description: '本级人民政府负责人: who may approve a +15 extension under joint handling (art. 42 ¶2)',
      items: { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: code, name } },
    },
  },
} as const;

export const departmentInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name,
    regionCode: code,
    contact: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name,
        phone: { type: 'string', maxLength: 40 },
        email: { type: 'string', maxLength: 200, format: 'email' },
        officerId: code,
      },
    },
    publicComplaints: {
      type: 'object',
      additionalProperties: false,
      description: 'published complaint channels (投诉电话、网址), shown in the public directory',
      properties: {
        phone: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9+()\\- ]+$' },
        website: { type: 'string', maxLength: 300, pattern: '^https?://[^\\s<>"]+$' },
      },
    },
  },
} as const;

export const itemInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'departmentCode', 'kind', 'statutoryDays', 'promisedDays', 'steps', 'feeFen', 'requiredDocuments'],
  properties: {
    name,
    departmentCode: code,
    kind: { type: 'string', enum: [...ITEM_KINDS] },
    statutoryDays: { type: 'integer', minimum: 1, maximum: 3650 },
    promisedDays: days,
    steps: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'name', 'limitDays', 'mandatory'],
        properties: { code, name, limitDays: days, mandatory: { type: 'boolean' } },
      },
    },
    feeFen: { type: 'integer', minimum: 0, maximum: 1e12 },
    requiredDocuments: { type: 'array', maxItems: 200, items: name },
    thresholds: { type: 'object' },
  },
} as const;

export const officerInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'departmentCode'],
  properties: {
    name,
    departmentCode: code,
    supervisorId: code,
    isDepartmentHead: { type: 'boolean', description: '本行政机关负责人: may approve a +10 extension (art. 42 ¶1)' },
  },
} as const;

export const catalogueFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['regions', 'departments', 'officers', 'items'],
  properties: {
    regions: { type: 'object', additionalProperties: regionInputSchema },
    departments: { type: 'object', additionalProperties: departmentInputSchema },
    officers: { type: 'object', additionalProperties: officerInputSchema },
    items: { type: 'object', additionalProperties: itemInputSchema },
  },
} as const;

export const CODE_PATTERN = new RegExp(code.pattern);
