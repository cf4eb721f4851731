import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { assertValid } from '../../common/schema-validator';
import { CurrentPrincipal, Permission } from '../auth.decorators';
import { Principal } from '../principal';
import { assertUsername, UserInput, userInputSchema } from './user-input';
import { UserService } from './user.service';

@ApiTags('identity')
@ApiBearerAuth()
@Permission('users.manage')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  /** Creates or changes a user. A change of password, role, binding or status ends their sessions. */
  @Put(':username')
  @ApiBody({ schema: userInputSchema })
  put(@Param('username') username: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.users.put(assertUsername('username', username), assertValid<UserInput>(userInputSchema, body), principal);
  }

  @Get()
  list() {
    return this.users.list();
  }

  @Get(':username')
  get(@Param('username') username: string) {
    return this.users.get(assertUsername('username', username));
  }
}
