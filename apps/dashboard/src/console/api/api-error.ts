import type { components } from '@app/contracts/generated/api-types';

/** One field's complaint, as the API's 400/404/409 bodies carry them: `{ path: 'comment', message: 'is required' }`. */
export interface FieldError {
  path: string;
  message: string;
}

/** Any non-2xx answer of the API, with what its body said. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Problem = components['schemas']['Problem'];

/** The API's error body (`{ statusCode, error, message, errors[] }`) → an ApiError; anything else is described as it came. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    // The shape the API documents for every error (OpenAPI `Problem`, generated types): a renamed field fails the typecheck here.
    const { message, errors } = body as Partial<Record<keyof Problem, unknown>>;
    const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : `HTTP ${status}`;
    const fieldErrors = Array.isArray(errors)
      ? errors.filter((e): e is FieldError => !!e && typeof (e as FieldError).path === 'string' && typeof (e as FieldError).message === 'string')
      : [];
    return new ApiError(status, text, fieldErrors);
  }
  return new ApiError(status, typeof body === 'string' && body.length > 0 && body.length < 300 ? body : `HTTP ${status}`);
}
