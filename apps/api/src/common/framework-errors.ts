import { INGEST_LIMITS } from '@app/contracts';

export interface FrameworkError extends Error {
  code?: string;
}

const LIMITS = `at most ${INGEST_LIMITS.maxBodyBytes} bytes (1 MiB) per request and ${INGEST_LIMITS.maxEventsPerBatch.toLocaleString('en')} events per batch`;

/** The 413 a too-large batch gets, from Fastify's body limit or the ingest route's event count. */
export function tooLargeMessage(what: string): string {
  return `${what}: ${LIMITS}; split the batch into smaller ones and send each`;
}

/**
 * Fastify's own refusals (parsing the body happens before Nest routes) in words that say what to
 * fix: the media type the API reads, the size limits, what an empty JSON body should be.
 */
export function explainFrameworkError(error: FrameworkError, status: number): { statusCode: number; message: string; errors?: { path: string; message: string }[] } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const sent = /: (.+)$/.exec(error.message)?.[1];
      const message = `send the body as JSON with Content-Type: application/json${sent ? ` (got ${sent})` : ''}`;
      return { statusCode: status, message: 'unsupported media type', errors: [{ path: 'content-type', message }] };
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { statusCode: status, message: 'request body too large', errors: [{ path: '(body)', message: tooLargeMessage('the body is too large') }] };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        statusCode: status,
        message: 'empty body',
        errors: [{ path: '(body)', message: 'is empty although Content-Type is application/json: send a JSON body, or no Content-Type' }],
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    default:
      return { statusCode: status, message: error.message };
  }
}
