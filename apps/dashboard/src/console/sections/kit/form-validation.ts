import * as validators from 'virtual:console-form-validators';
import { describeAjvErrors } from '@app/contracts/events/ajv-errors';
import type { FieldError } from '@app/contracts/events/field-error';

export type FormSchemaName = keyof typeof validators;

/**
 * Checks a request body with the API's own schema (compiled at build time) and names each bad
 * field exactly as the API would (`describeAjvErrors` is the API's error wording).
 */
export function validateForm(schema: FormSchemaName, body: unknown): FieldError[] {
  const validate = validators[schema];
  return validate(body) ? [] : describeAjvErrors(validate.errors);
}

/** Field errors by path, first message per field (what an el-form-item's `error` shows). */
export function errorsByPath(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) out[error.path] ??= error.message;
  return out;
}

/** Drops empty strings and empty objects so optional fields left blank are omitted, as the API expects. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === '' || field === undefined || field === null) continue;
    if (typeof field === 'object' && !Array.isArray(field)) {
      const inner = compact(field as object);
      if (Object.keys(inner).length > 0) out[key] = inner;
      continue;
    }
    out[key] = field;
  }
  return out as T;
}
