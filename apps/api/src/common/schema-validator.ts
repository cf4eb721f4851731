import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describeAjvErrors } from '@app/contracts';
import { InvalidInputException } from './invalid-input.exception';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates a request body against a JSON Schema, or throws a 400 naming each bad field. */
export function assertValid<T>(schema: object, body: unknown, prefix = ''): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (body === undefined || body === null || !validate(body)) {
    throw new InvalidInputException(
      body === undefined || body === null ? [{ path: '(body)', message: 'is required' }] : describeAjvErrors(validate.errors, prefix),
    );
  }
  return body as T;
}
