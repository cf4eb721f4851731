import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertCode } from '../../common/params';
import { assertValid } from '../../common/schema-validator';
import { parseOversightListQuery } from '../oversight-http';
import { BodiesService } from './bodies.service';
import { BodyInput, bodyInputSchema, BodyReportInput, bodyReportInputSchema } from './clue-input';

/** The bodies supervision information flows between (财政、审计、法制、人事、信访…). */
@ApiTags('clues')
@ApiBearerAuth()
@Controller('api/v1/accountability-bodies')
export class AccountabilityBodiesController {
  constructor(private readonly bodies: BodiesService) {}

  @Put(':code')
  @Permission('bodies.manage')
  @ApiBody({ schema: bodyInputSchema })
  put(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() body: unknown) {
    const input = assertValid<BodyInput>(bodyInputSchema, body);
    if (code.length > 32) throw new InvalidInputException([{ path: 'code', message: 'must be at most 32 characters' }]);
    return this.bodies.putBody(p, assertCode('code', code), input, new Date());
  }

  @Get()
  @Permission('bodies.read')
  list() {
    return this.bodies.listBodies();
  }
}

/** Reports a body copies to the supervision body (财政监督报告, 审计结果报告, 行政执法检查报告). */
@ApiTags('clues')
@ApiBearerAuth()
@Controller('api/v1/body-reports')
export class BodyReportsController {
  constructor(private readonly bodies: BodiesService) {}

  @Post()
  @Permission('clues.direct')
  @ApiBody({ schema: bodyReportInputSchema })
  register(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.bodies.registerReport(p, s, assertValid<BodyReportInput>(bodyReportInputSchema, body), new Date());
  }

  @Get()
  @Permission('clues.read')
  @ApiQuery({ name: 'bodyCode', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    const { page, pageSize } = parseOversightListQuery({ page: q.page, pageSize: q.pageSize });
    return this.bodies.listReports(scope, { bodyCode: q.bodyCode ? assertCode('bodyCode', q.bodyCode) : undefined, page, pageSize });
  }

  @Get(':id')
  @Permission('clues.read')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.bodies.getReport(scope, id);
  }
}
