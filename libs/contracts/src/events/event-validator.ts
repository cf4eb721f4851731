import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { dataSchemas, envelopeSchema } from './event.schema';
import { CaseEventInput, EVENT_TYPES, EventType } from './event-types';
import { FieldError } from './field-error';

export type EventValidation = { ok: true; event: CaseEventInput } | { ok: false; errors: FieldError[] };

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
      case 'format':
        return { path: base, message: `must be a valid ${String(error.params.format)} (ISO-8601 with offset)` };
      default:
        return { path: base || '(root)', message: error.message ?? 'is invalid' };
    }
  });
}

/**
 * Compiled once: validation is on the ingest hot path. The envelope is checked first; a valid
 * envelope then selects the compiled schema of its type's `data`.
 */
export class EventValidator {
  private readonly envelope: ValidateFunction;
  private readonly data: Map<EventType, ValidateFunction>;

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date-time']);
    this.envelope = ajv.compile(envelopeSchema);
    this.data = new Map(EVENT_TYPES.map((type) => [type, ajv.compile(dataSchemas[type])]));
  }

  validate(raw: unknown): EventValidation {
    if (!this.envelope(raw)) return { ok: false, errors: describeAjvErrors(this.envelope.errors) };
    const event = raw as CaseEventInput;
    const validateData = this.data.get(event.type);
    if (validateData && !validateData(event.data)) {
      return { ok: false, errors: describeAjvErrors(validateData.errors, 'data') };
    }
    return { ok: true, event };
  }
}
