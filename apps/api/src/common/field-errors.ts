import { STATUS_CODES } from 'node:http';
import { FieldError } from '@app/contracts';

/** Where a 4xx without a named field points, by status. */
function defaultPath(status: number): string {
  switch (status) {
    case 401:
      return 'authorization';
    case 404:
      return '(url)';
    case 413:
      return '(body)';
    case 415:
      return 'content-type';
    default:
      return status === 400 ? '(body)' : '(request)';
  }
}

/** "events: at most 1000 per batch" names its field before the colon; "Unsupported Media Type: x" does not. */
const FIELD_FIRST = /^([A-Za-z_][\w.[\]-]*): (.+)$/s;

function toFieldError(status: number, message: string): FieldError {
  const match = FIELD_FIRST.exec(message);
  return match ? { path: match[1], message: match[2] } : { path: defaultPath(status), message };
}

/**
 * Every 4xx answer names the field and the reason: bodies that already carry `errors` pass
 * unchanged; others (Nest's and Fastify's own errors, plain messages) get one inferred entry.
 */
export function withFieldErrors(status: number, body: unknown): Record<string, unknown> {
  // One shape for every error (the OpenAPI document's Problem): statusCode, error, message, errors.
  const error = STATUS_CODES[status] ?? 'Error';
  if (typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors)) {
    return { statusCode: status, error, ...(body as Record<string, unknown>) };
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const raw = typeof body === 'string' ? body : record.message;
  const message = Array.isArray(raw) ? raw.map(String).join('; ') : typeof raw === 'string' ? raw : 'invalid request';
  return { error, ...record, statusCode: status, message, errors: [toFieldError(status, message)] };
}
