import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { assertCode } from '../../common/params';
import { assertValid } from '../../common/schema-validator';
import { CurrentPrincipal, Permission } from '../auth.decorators';
import { Principal } from '../principal';
import { DisplayInput, displayInputSchema, DisplayTokenService } from './display-token.service';

@ApiTags('identity')
@ApiBearerAuth()
@Permission('displays.manage')
@Controller('api/v1/displays')
export class DisplaysController {
  constructor(private readonly displays: DisplayTokenService) {}

  /** Issues a wall-screen token. The token is in this answer only; it is stored hashed. */
  @Post()
  @ApiBody({ schema: displayInputSchema })
  issue(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.displays.issue(assertValid<DisplayInput>(displayInputSchema, body), principal);
  }

  @Get()
  list() {
    return this.displays.list();
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.displays.revoke(assertCode('id', id), principal);
  }
}
