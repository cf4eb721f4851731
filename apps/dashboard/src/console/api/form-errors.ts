import type { FieldError } from './api-error';

/**
 * Where each API complaint goes on a form: at the field `errors[].path` names (exactly, or the form
 * field the path starts with: `events.0.occurredAt` and `itemCodes/0` belong to `events`, `itemCodes`), else in the form's general
 * message. Pure; `useFormErrors` (form-errors.vue.ts) binds it to Element Plus form items.
 */
export interface PlacedErrors {
  /** field name → its messages joined, for `<el-form-item :error>`. */
  fields: Record<string, string>;
  /** What no field of the form can show (and the error's own message when nothing else is said). */
  general: string[];
}

export function fieldFor(path: string, formFields: readonly string[]): string | null {
  if (formFields.includes(path)) return path;
  const match = formFields
    .filter((field) => path.startsWith(`${field}.`) || path.startsWith(`${field}[`) || path.startsWith(`${field}/`))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? null;
}

export function placeErrors(errors: readonly FieldError[], formFields: readonly string[], fallbackMessage?: string): PlacedErrors {
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  for (const error of errors) {
    const field = fieldFor(error.path, formFields);
    if (field === null) {
      general.push(error.path && error.path !== '(body)' && error.path !== '(root)' ? `${error.path}: ${error.message}` : error.message);
    } else {
      const message = error.path === field ? error.message : `${error.path.slice(field.length + 1)}: ${error.message}`;
      (fields[field] ??= []).push(message);
    }
  }
  if (errors.length === 0 && fallbackMessage) general.push(fallbackMessage);
  return { fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.join('; ')])), general };
}
