import { Controller, Get, Headers, HttpException, Logger, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { permits } from '../auth/access-policy';
import { Public } from '../auth/auth.decorators';
import { AuthenticationService } from '../auth/authentication.service';
import { CalendarService } from '../calendar/calendar.service';
import { JobQueue } from '../jobs/job-queue';

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  private readonly logger = new Logger('Readiness');

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly calendars: CalendarService,
    private readonly auth: AuthenticationService,
  ) {}

  /** Alive: the process answers. */
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  /**
   * Ready: the database and the queue answer (503 otherwise). Anyone (a load balancer, a probe)
   * gets the status only; what fails and why, and the calendar warnings, are for an authenticated
   * operator (`operations.read`), since error texts name hosts, ports and versions. When the
   * database is down an operator's token cannot be checked either: the reasons go to the log.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply, @Headers('authorization') authorization?: string) {
    const [database, queue] = await Promise.all([
      within(2000, this.dataSource.query('SELECT 1')).then(
        (): { ok: boolean; error?: string } => ({ ok: true }),
        (error: Error) => ({ ok: false, error: error.message }),
      ),
      within(2000, this.jobs.ping()).then(
        (ok): { ok: boolean; error?: string } => ({ ok, ...(ok ? {} : { error: 'queue store not answering' }) }),
        (error: Error) => ({ ok: false, error: error.message }),
      ),
    ]);
    const ready = database.ok && queue.ok;
    const status = ready ? 'ready' : 'not-ready';
    if (!ready) this.logger.warn(`not ready: database ${database.error ?? 'ok'}; queue ${queue.error ?? 'ok'}`);
    // Warnings do not make the service unready: they tell the operator what to do before it matters.
    const body = (await this.isOperator(authorization)) ? { status, details: { database, queue }, warnings: this.calendars.warnings(new Date()) } : { status };
    void reply.header('Cache-Control', 'no-store');
    if (!ready) throw new HttpException(body, 503);
    return body;
  }

  private async isOperator(authorization: string | undefined): Promise<boolean> {
    const token = AuthenticationService.bearerToken(authorization);
    if (!token) return false;
    try {
      const principal = await within(2000, this.auth.authenticate(token, { channel: 'GET /ready' }));
      return principal !== null && permits('operations.read', principal.kind);
    } catch {
      return false; // the token cannot be checked (the database is away): status only
    }
  }
}
