import { requiredText } from '../oversight-http';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const code = (max: number) => ({ type: 'string', pattern: `^[A-Za-z0-9_.-]{1,${max}}$` });
const codes = (max: number) => ({ type: 'array', maxItems: 500, uniqueItems: true, items: code(max) });

/** What a post says; the department and the code are set when it is created. */
export interface PostFields {
  name: string;
  duties: string;
  legalBasis: string;
  itemCodes: string[];
  stepCodes: string[];
  isHead: boolean;
}

export interface PostInput extends PostFields {
  departmentCode: string;
  code: string;
}

const postFieldProperties = {
  name: requiredText(200),
  duties: { ...requiredText(4000), description: '岗位职责: what the post must do; a fault names it as the duty breached' },
  legalBasis: { ...requiredText(4000), description: '法律依据' },
  itemCodes: { ...codes(64), description: 'catalogue items handled; empty: every item of the department' },
  stepCodes: { ...codes(64), description: 'steps handled, as the items’ steps and the STEP_* events name them (e.g. ACCEPT, REVIEW, DECIDE, ISSUE)' },
  isHead: { type: 'boolean', description: '本行政机关负责人: its holders may approve an extension (art. 42 ¶1)' },
};

export const postFieldsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'duties', 'legalBasis', 'itemCodes', 'stepCodes', 'isHead'],
  properties: postFieldProperties,
};

export const postInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['departmentCode', 'code', ...postFieldsSchema.required],
  properties: {
    departmentCode: { type: 'string', minLength: 1, maxLength: 32 },
    code: { ...code(32), description: 'unique within the department' },
    ...postFieldProperties,
  },
};

export interface HoldingInput {
  officerId: string;
  validFrom: string;
  validTo?: string;
}

export const holdingInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['officerId', 'validFrom'],
  properties: {
    officerId: { type: 'string', minLength: 1, maxLength: 64 },
    validFrom: { ...date, description: 'first day held (inclusive)' },
    validTo: { ...date, description: 'last day held (inclusive); absent: still held' },
  },
};

export const endHoldingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['validTo'],
  properties: { validTo: { ...date, description: 'last day held (inclusive)' } },
};

export const POST_FILE_FORMATS = ['xlsx', 'csv'] as const;
export type PostFileFormat = (typeof POST_FILE_FORMATS)[number];

export interface PostImportInput {
  format: PostFileFormat;
  contentBase64: string;
}

export const postImportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'contentBase64'],
  properties: {
    format: { type: 'string', enum: [...POST_FILE_FORMATS] },
    contentBase64: { type: 'string', minLength: 1, maxLength: 1_000_000, description: 'the file (as GET /api/v1/posts/export gives it), base64-encoded' },
  },
};
