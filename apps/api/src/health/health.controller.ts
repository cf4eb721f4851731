import { Controller, Get, HttpException, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { CalendarService } from '../calendar/calendar.service';
import { JobQueue } from '../jobs/job-queue';

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly calendars: CalendarService,
  ) {}

  /** Alive: the process answers. */
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  /** Ready: the database and the queue answer. 503 with details otherwise. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, queue] = await Promise.all([
      within(2000, this.dataSource.query('SELECT 1')).then(
        () => ({ ok: true }),
        (error: Error) => ({ ok: false, error: error.message }),
      ),
      within(2000, this.jobs.ping()).then(
        (ok) => ({ ok, ...(ok ? {} : { error: 'queue store not answering' }) }),
        (error: Error) => ({ ok: false, error: error.message }),
      ),
    ]);
    const ready = database.ok && queue.ok;
    // Warnings do not make the service unready: they tell the operator what to do before it matters.
    const body = { status: ready ? 'ready' : 'not-ready', details: { database, queue }, warnings: this.calendars.warnings(new Date()) };
    if (!ready) throw new HttpException(body, 503);
    void reply.header('Cache-Control', 'no-store');
    return body;
  }
}
