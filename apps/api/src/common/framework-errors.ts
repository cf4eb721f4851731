import { FieldError, INGEST_LIMITS } from '@app/contracts';

const LIMITS = `at most ${INGEST_LIMITS.maxBodyBytes} bytes (1 MiB) per request and ${INGEST_LIMITS.maxEventsPerBatch.toLocaleString('en')} events per batch`;

/** The 413 a too-large batch gets, from Fastify's body limit or the ingest route's event count. */
export function tooLargeMessage(what: string): string {
  return `${what}: ${LIMITS}; split the batch into smaller ones and send each`;
}

/**
 * Fastify refuses some bodies before Nest routes them (Nest passes them on as a bare
 * HttpException, "Unsupported Media Type", "Request body is too large"): said here in words that
 * tell the caller what to fix. Null for the others, which keep their own message.
 */
export function explainBodyRefusal(status: number, contentType: string | undefined): { statusCode: number; message: string; errors: FieldError[] } | null {
  if (status === 415) {
    const sent = contentType ? `got ${contentType.split(';')[0].trim().slice(0, 100)}` : 'none was sent';
    return {
      statusCode: 415,
      message: 'unsupported media type',
      errors: [{ path: 'content-type', message: `send the body as JSON with Content-Type: application/json (${sent})` }],
    };
  }
  if (status === 413) {
    return { statusCode: 413, message: 'request body too large', errors: [{ path: '(body)', message: tooLargeMessage('the body is too large') }] };
  }
  return null;
}
