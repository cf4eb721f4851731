import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { assertValid } from '../../common/schema-validator';
import { ApiOversightListQuery, parseOversightListQuery } from '../oversight-http';
import { AssignInput, assignInputSchema, ClueInput, clueInputSchema, ConcludeInput, concludeInputSchema } from './clue-input';
import { ClueService } from './clue.service';

/** 线索: the centre registers, assigns and concludes; departments linked to a clue read it. */
@ApiTags('clues')
@ApiBearerAuth()
@Controller('api/v1/clues')
export class CluesController {
  constructor(private readonly clues: ClueService) {}

  @Post()
  @Permission('clues.direct')
  @ApiBody({ schema: clueInputSchema })
  register(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.clues.registerClue(p, s, assertValid<ClueInput>(clueInputSchema, body), new Date());
  }

  @Get()
  @Permission('clues.read')
  @ApiOversightListQuery()
  @ApiQuery({ name: 'channel', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() q: Record<string, string | undefined>) {
    return this.clues.list(scope, { ...parseOversightListQuery(q), channel: q.channel || undefined }, new Date());
  }

  @Get(':id')
  @Permission('clues.read')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.clues.get(scope, id, new Date());
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Permission('clues.direct')
  @ApiBody({ schema: assignInputSchema })
  assign(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.clues.assign(p, s, id, assertValid<AssignInput>(assignInputSchema, body), new Date());
  }

  @Post(':id/conclude')
  @HttpCode(200)
  @Permission('clues.direct')
  @ApiBody({ schema: concludeInputSchema })
  conclude(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.clues.conclude(p, s, id, assertValid<ConcludeInput>(concludeInputSchema, body), new Date());
  }
}
