import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { assertCode } from '../common/params';
import { channelListSchema } from './channel-input';
import { ChannelSettingsService } from './channel-settings.service';

/**
 * Where cards are sent, per department (its group robots, its mailbox), per officer (their own
 * address) and for the centre (RED cards). PUT replaces the whole list; answers show targets masked.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1')
export class NotificationChannelsController {
  constructor(private readonly channels: ChannelSettingsService) {}

  @Get('departments/:code/notification-channels')
  @Permission('notifications.configure')
  getDepartment(@Param('code') code: string, @CurrentScope() scope: AccessScope) {
    return this.channels.get({ kind: 'department', code: assertCode('code', code) }, scope);
  }

  @Put('departments/:code/notification-channels')
  @Permission('notifications.configure')
  @ApiBody({ schema: channelListSchema })
  putDepartment(@Param('code') code: string, @Body() body: unknown, @CurrentScope() scope: AccessScope, @CurrentPrincipal() principal: Principal) {
    return this.channels.put({ kind: 'department', code: assertCode('code', code) }, scope, body, principal);
  }

  @Get('officers/:id/notification-channels')
  @Permission('notifications.configure')
  getOfficer(@Param('id') id: string, @CurrentScope() scope: AccessScope) {
    return this.channels.get({ kind: 'officer', id: assertCode('id', id) }, scope);
  }

  @Put('officers/:id/notification-channels')
  @Permission('notifications.configure')
  @ApiBody({ schema: channelListSchema })
  putOfficer(@Param('id') id: string, @Body() body: unknown, @CurrentScope() scope: AccessScope, @CurrentPrincipal() principal: Principal) {
    return this.channels.put({ kind: 'officer', id: assertCode('id', id) }, scope, body, principal);
  }

  @Get('centre/notification-channels')
  @Permission('notifications.configureCentre')
  getCentre(@CurrentScope() scope: AccessScope) {
    return this.channels.get({ kind: 'centre' }, scope);
  }

  @Put('centre/notification-channels')
  @Permission('notifications.configureCentre')
  @ApiBody({ schema: channelListSchema })
  putCentre(@Body() body: unknown, @CurrentScope() scope: AccessScope, @CurrentPrincipal() principal: Principal) {
    return this.channels.put({ kind: 'centre' }, scope, body, principal);
  }
}
