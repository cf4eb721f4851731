import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { JOINT_MEETING_SCHEMA, MEETING_RESOLUTION_SCHEMA, RESOLUTION_DONE_SCHEMA } from '@app/contracts';
import { CurrentPrincipal, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertValid } from '../../common/schema-validator';
import { asFile, parseLang } from '../../reports/render/send-report';
import { quarterParam } from './quarter-param';
import { JointMeetingService, MeetingInput, ResolutionInput } from './joint-meeting.service';
import { minutesHtml, minutesXlsx } from './minutes-render';

const FORMATS = ['json', 'html', 'xlsx'] as const;

/**
 * 联席会议: the centre records each quarter's joint meeting (the bodies attending, the agenda drawn
 * from the quarter's pack), its resolutions with an owner body and a deadline, and prints the minutes.
 */
@ApiTags('joint meetings')
@ApiBearerAuth()
@Controller('api/v1/joint-meetings')
export class JointMeetingsController {
  constructor(private readonly meetings: JointMeetingService) {}

  @Get()
  @Permission('meetings.read')
  list() {
    return this.meetings.list();
  }

  @Post(':quarter')
  @Permission('meetings.manage')
  @ApiBody({ schema: JOINT_MEETING_SCHEMA as object })
  create(@CurrentPrincipal() p: Principal, @Param('quarter') raw: string, @Body() body: unknown) {
    const quarter = quarterParam(raw, 'quarter');
    return this.meetings.create(p, quarter, assertValid<MeetingInput>(JOINT_MEETING_SCHEMA, body), new Date());
  }

  /** The meeting (JSON), or its minutes: `format=html` (printable) or `xlsx`; `lang=zh|en`. */
  @Get(':quarter')
  @Permission('meetings.read')
  @ApiQuery({ name: 'format', required: false, enum: FORMATS })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  async get(@Param('quarter') raw: string, @Query() query: { format?: string; lang?: string }, @Res({ passthrough: true }) reply: FastifyReply) {
    const quarter = quarterParam(raw, 'quarter');
    const format = query.format ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) throw new InvalidInputException([{ path: 'format', message: `must be one of ${FORMATS.join(', ')}` }]);
    const lang = parseLang(query.lang);
    const view = await this.meetings.get(quarter.key);
    const file = `joint-meeting-minutes-${quarter.key}`;
    if (format === 'html') return asFile(reply, 'html', file, minutesHtml(view, lang));
    if (format === 'xlsx') return asFile(reply, 'xlsx', file, await minutesXlsx(view, lang));
    return view;
  }

  @Post(':quarter/agenda/refresh')
  @HttpCode(200)
  @Permission('meetings.manage')
  refresh(@CurrentPrincipal() p: Principal, @Param('quarter') raw: string) {
    return this.meetings.refreshAgenda(p, quarterParam(raw, 'quarter'), new Date());
  }

  @Post(':quarter/resolutions')
  @Permission('meetings.manage')
  @ApiBody({ schema: MEETING_RESOLUTION_SCHEMA as object })
  addResolution(@CurrentPrincipal() p: Principal, @Param('quarter') raw: string, @Body() body: unknown) {
    const quarter = quarterParam(raw, 'quarter');
    return this.meetings.addResolution(p, quarter.key, assertValid<ResolutionInput>(MEETING_RESOLUTION_SCHEMA, body), new Date());
  }

  @Post(':quarter/resolutions/:id/done')
  @HttpCode(200)
  @Permission('meetings.manage')
  @ApiBody({ schema: RESOLUTION_DONE_SCHEMA as object })
  done(@CurrentPrincipal() p: Principal, @Param('quarter') raw: string, @Param('id') id: string, @Body() body: unknown) {
    const quarter = quarterParam(raw, 'quarter');
    return this.meetings.completeResolution(p, quarter.key, id, assertValid<{ note: string }>(RESOLUTION_DONE_SCHEMA, body).note, new Date());
  }
}
