import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { dataSchemas, envelopeSchema } from './event.schema';
import { CaseEventInput, EVENT_TYPES, EventType } from './event-types';
import { describeAjvErrors } from './ajv-errors';
import { FieldError } from './field-error';

// Kept importable from here; it lives apart so the console's bundle takes it without Ajv itself.
export { describeAjvErrors };

export type EventValidation = { ok: true; event: CaseEventInput } | { ok: false; errors: FieldError[] };

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
