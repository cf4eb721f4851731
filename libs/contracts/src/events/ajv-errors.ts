import type { ErrorObject } from 'ajv';
import { FieldError } from './field-error';

/** Turns Ajv's errors into field-named, human-readable ones. */
export function describeAjvErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  return (errors ?? []).map((error) => {
    const base = [...prefix.split('.'), ...error.instancePath.split('/')].filter(Boolean).join('.');
    const join = (name: string) => (base ? `${base}.${name}` : name);
    switch (error.keyword) {
      case 'required':
        return { path: join(String(error.params.missingProperty)), message: 'is required' };
      case 'additionalProperties':
        return { path: join(String(error.params.additionalProperty)), message: 'is not a known field' };
      case 'enum':
        return {
          path: base,
          message: `must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`,
        };
      case 'pattern':
        return { path: base, message: base.endsWith('occurredAt') ? 'must carry a UTC offset (Z or ±hh:mm)' : `must match ${String(error.params.pattern)}` };
      case 'format': {
        // Only the date and time formats are ISO-8601; an e-mail or URI is not.
        const format = String(error.params.format);
        const iso = format === 'date-time' || format === 'date' || format === 'time';
        return { path: base, message: `must be a valid ${format}${iso ? ' (ISO-8601 with offset)' : ''}` };
      }
      default:
        return { path: base || '(root)', message: error.message ?? 'is invalid' };
    }
  });
}
