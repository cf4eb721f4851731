import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastify } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { permits } from '../auth/access-policy';
import { AuthenticationService } from '../auth/authentication.service';
import { AppConfig } from '../config/app-config';
import { BullMqJobQueue } from '../jobs/bullmq-job-queue';
import { JobQueue } from '../jobs/job-queue';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'lm_queue_board';
const PASS_TTL_MS = 60 * 60 * 1000;

/**
 * bull-board (server mode): the job queue's waiting, delayed and failed jobs, with retry and clean.
 * Behind the operator permission (operations.monitor). A browser page cannot send a bearer header,
 * so the operator opens it once with `?token=<admin token or a centre admin's session>`: that token
 * is checked (and audited) once, and a signed pass valid for an hour, scoped to this path, replaces
 * it in an HttpOnly cookie — the board's polling neither carries the token nor fills the audit log.
 */
export async function registerQueueBoard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const jobs = app.get(JobQueue);
  if (!(jobs instanceof BullMqJobQueue)) return; // embedded mode: the in-process queue; /metrics shows it
  const auth = app.get(AuthenticationService);
  const key = createHmac('sha256', config.adminToken).update('queue-board/v1').digest();
  const board = new BullBoardFastify();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(jobs.bullQueue)], serverAdapter: board });

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (validPass(request.headers.cookie, key, Date.now())) return;
      const token = new URL(request.url, 'http://board').searchParams.get('token') ?? AuthenticationService.bearerToken(request.headers.authorization);
      if (!token) return refuse(reply, 401, `open ${QUEUE_BOARD_PATH}?token=<admin token or a centre admin's session token>`);
      const principal = await auth.authenticate(token, { channel: `GET ${QUEUE_BOARD_PATH}`, ip: request.ip, url: request.url.split('?')[0] });
      if (!principal) return refuse(reply, 401, 'unknown, expired or revoked token');
      if (!permits('operations.monitor', principal.kind)) return refuse(reply, 403, `a ${principal.kind} may not do this`);
      const expires = Date.now() + PASS_TTL_MS;
      void reply.header('Set-Cookie', `${COOKIE}=${pass(expires, key)}; Path=${QUEUE_BOARD_PATH}; Max-Age=${PASS_TTL_MS / 1000}; HttpOnly; SameSite=Strict`);
      // The token leaves the address bar (and the browser's history) at once.
      if (request.method === 'GET' && request.url.includes('token=')) return reply.redirect(QUEUE_BOARD_PATH, 303);
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}

const pass = (expires: number, key: Buffer): string => `${expires}.${createHmac('sha256', key).update(String(expires)).digest('base64url')}`;

function validPass(cookieHeader: string | undefined, key: Buffer, now: number): boolean {
  const value = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  const match = value ? /^(\d{13})\.([\w-]{43})$/.exec(value) : null;
  if (!match || Number(match[1]) < now) return false;
  const expected = Buffer.from(pass(Number(match[1]), key));
  const given = Buffer.from(value!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function refuse(reply: FastifyReply, status: 401 | 403, reason: string): FastifyReply {
  return reply.code(status).send({
    statusCode: status,
    error: status === 401 ? 'Unauthorized' : 'Forbidden',
    message: status === 401 ? 'missing or unknown credentials' : 'not allowed for these credentials',
    errors: [{ path: 'authorization', message: reason }],
  });
}
