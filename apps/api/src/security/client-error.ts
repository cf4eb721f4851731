import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a request line and headers over
 * 16 KB, garbage instead of HTTP, a client too slow to send its headers) still answer in the API's
 * error shape, naming the part of the request that was refused. Same behaviour as Fastify's
 * default handler otherwise (nothing to write to a reset or destroyed socket).
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, path, reason] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, '(headers)', 'the request line and headers exceed 16 KB (a URL or a header is too long)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, '(request)', 'the request was not received in time']
        : [400, '(request)', 'not a valid HTTP request'];
  const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], message: reason, errors: [{ path, message: reason }] });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Fastify's own refusals before routing (a path parameter over the router's limit, a malformed
 * percent-encoding), in the API's error shape. Passed as the `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const reason = error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message;
  void reply.code(status).send({ statusCode: status, error: STATUS_CODES[status], message: reason, errors: [{ path: '(url)', message: reason }] });
}
