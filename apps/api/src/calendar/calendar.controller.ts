import { Body, Controller, Get, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, HolidayYearFile, holidayYearFileProblems } from '@app/domain';
import { CurrentPrincipal, Permission } from '../auth/auth.decorators';
import { Principal, principalId } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { InvalidInputException } from '../common/invalid-input.exception';
import { JobName } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { assertValid } from '../common/schema-validator';
import { CalendarService } from './calendar.service';

/** The holiday-cn format, as published by https://github.com/NateScarlet/holiday-cn. */
const holidayYearFileSchema = {
  type: 'object',
  additionalProperties: true,
  required: ['year', 'papers', 'days'],
  properties: {
    year: { type: 'integer', minimum: CALENDAR_FIRST_YEAR, maximum: CALENDAR_LAST_YEAR },
    papers: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 500 } },
    days: {
      type: 'array',
      maxItems: 400,
      items: {
        type: 'object',
        required: ['name', 'date', 'isOffDay'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 100 },
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          isOffDay: { type: 'boolean' },
        },
      },
    },
  },
};

function parseYear(raw: string): number {
  if (!/^\d{4}$/.test(raw) || Number(raw) < CALENDAR_FIRST_YEAR || Number(raw) > CALENDAR_LAST_YEAR) {
    throw new InvalidInputException([{ path: 'year', message: `must be a year in ${CALENDAR_FIRST_YEAR}..${CALENDAR_LAST_YEAR}` }]);
  }
  return Number(raw);
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendars')
export class CalendarController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly jobs: JobQueue,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Permission('calendar.read')
  list() {
    return { years: this.calendars.knownYears().map((y) => this.calendars.status(y)), warnings: this.calendars.warnings(new Date()) };
  }

  @Get(':year')
  @Permission('calendar.read')
  get(@Param('year') rawYear: string) {
    const year = parseYear(rawYear);
    const file = this.calendars.yearFile(year);
    if (!file) throw new NotFoundException(`no calendar for ${year}: clocks in ${year} are provisional (Monday–Friday)`);
    return { ...this.calendars.status(year), file };
  }

  /** Loads (or corrects) a year without a redeploy; every open clock it can move is recomputed. */
  @Put(':year')
  @Permission('calendar.write')
  @ApiBody({ schema: holidayYearFileSchema })
  async put(@Param('year') rawYear: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const year = parseYear(rawYear);
    const file = assertValid<HolidayYearFile>(holidayYearFileSchema, body);
    if (file.year !== year) throw new InvalidInputException([{ path: 'year', message: `must equal the year in the path (${year})` }]);
    const problems = holidayYearFileProblems(file);
    if (problems.length > 0) {
      throw new InvalidInputException(problems.map((p) => ({ path: /^\S+/.exec(p)?.[0] ?? '(body)', message: p })));
    }
    const normalised: HolidayYearFile = { year, papers: file.papers, days: file.days.map(({ name, date, isOffDay }) => ({ name, date, isOffDay })) };
    const before = this.calendars.yearFile(year) ?? null;
    await this.dataSource.transaction(async (manager) => {
      await this.calendars.store(manager, normalised, principalId(principal), new Date());
      await this.audit.record({ actor: principal, action: 'calendar.load', target: `calendar:${year}`, before, after: normalised }, manager);
    });
    await this.calendars.refresh();
    // A message, not a call: the cases' clock recompute (cases/clock-recompute.service.ts) runs it.
    await this.jobs.enqueue(JobName.RecomputeClocks, { year });
    return { ...this.calendars.status(year), recompute: 'queued' };
  }
}
