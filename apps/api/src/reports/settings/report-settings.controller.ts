import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { reportSettingsSchema } from './report-settings';
import { ReportSettingsRepository } from './report-settings.repository';

/** Grading thresholds and weights of the joint meeting, and the complaint and supervision limits. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/settings')
export class ReportSettingsController {
  constructor(private readonly settings: ReportSettingsRepository) {}

  @Get()
  @Permission('reports.read')
  get() {
    return this.settings.current();
  }

  @Put()
  @Permission('reports.configure')
  @ApiBody({ schema: reportSettingsSchema })
  put(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.settings.replace(principal, body, new Date());
  }
}
