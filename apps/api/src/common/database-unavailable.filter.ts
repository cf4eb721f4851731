import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { isDatabaseUnavailable } from './database-unavailable';
import { explainBodyRefusal } from './framework-errors';
import { withFieldErrors } from './field-errors';

/**
 * Last line of error handling: HTTP errors pass through (every 4xx naming the field and the
 * reason, field-errors.ts); a database outage becomes 503 with
 * Retry-After (nothing was stored); anything else is a 500 that is logged, never leaked.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      // A string body on 413/415 is Fastify's own refusal of the body, passed on by Nest.
      const explained = typeof body === 'string' ? explainBodyRefusal(status, contentTypeOf(host)) : null;
      const shaped = explained ?? (typeof body === 'string' ? { statusCode: status, message: body } : body);
      void reply.status(status).send(status >= 400 && status < 500 ? withFieldErrors(status, shaped) : shaped);
      return;
    }
    const status = (error as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own errors (body too large, bad JSON, unsupported media type), said so the caller knows what to fix.
      const message = (error as Error).message;
      void reply.status(status).send(withFieldErrors(status, explainBodyRefusal(status, contentTypeOf(host)) ?? { statusCode: status, message }));
      return;
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(`database unavailable: ${(error as Error).message}`);
      void reply
        .status(503)
        .header('Retry-After', '5')
        .send({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'database unavailable; nothing was stored, retry later',
          errors: [{ path: '(request)', message: 'the database is unavailable; retry after the Retry-After seconds' }],
        });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply
      .status(500)
      .send({ statusCode: 500, error: 'Internal Server Error', message: 'unexpected error', errors: [{ path: '(request)', message: 'unexpected error; it was logged' }] });
  }
}

function contentTypeOf(host: ArgumentsHost): string | undefined {
  const header = host.switchToHttp().getRequest<{ headers?: Record<string, string | string[] | undefined> }>().headers?.['content-type'];
  return Array.isArray(header) ? header[0] : header;
}
