import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { assertCode, assertText } from '../common/params';
import { assertValid } from '../common/schema-validator';
import { WatchListsService } from './watch-lists.service';

const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' };
const createSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name, shared: { type: 'boolean', description: 'shared within the owner’s scope (default: personal)' } },
};
const updateSchema = { type: 'object', additionalProperties: false, minProperties: 1, properties: { name, shared: { type: 'boolean' } } };
const entrySchema = { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 500 } } };

/** 跟踪: watch-lists of cases, personal or shared within the owner's scope. */
@ApiTags('watchlists')
@ApiBearerAuth()
@Controller('api/v1/watchlists')
export class WatchListsController {
  constructor(private readonly lists: WatchListsService) {}

  @Get()
  @Permission('watchlists.use')
  list(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope) {
    return this.lists.list(p, s);
  }

  @Post()
  @HttpCode(201)
  @Permission('watchlists.use')
  @ApiBody({ schema: createSchema })
  create(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.lists.create(p, s, assertValid<{ name: string; shared?: boolean }>(createSchema, body), new Date());
  }

  @Get(':id')
  @Permission('watchlists.use')
  get(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string) {
    return this.lists.get(p, s, id);
  }

  @Put(':id')
  @Permission('watchlists.use')
  @ApiBody({ schema: updateSchema })
  update(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.lists.update(p, s, id, assertValid<{ name?: string; shared?: boolean }>(updateSchema, body), new Date());
  }

  @Delete(':id')
  @HttpCode(204)
  @Permission('watchlists.use')
  async remove(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string): Promise<void> {
    await this.lists.remove(p, s, id);
  }

  /** Adds a case of the caller's scope (idempotent; again = the note is updated). */
  @Put(':id/cases/:departmentCode/:caseId')
  @Permission('watchlists.use')
  @ApiBody({ schema: entrySchema })
  addCase(
    @CurrentPrincipal() p: Principal,
    @CurrentScope() s: AccessScope,
    @Param('id') id: string,
    @Param('departmentCode') departmentCode: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
  ) {
    const input = assertValid<{ note?: string }>(entrySchema, body ?? {});
    return this.lists.addCase(p, s, id, assertCode('departmentCode', departmentCode), assertText('caseId', caseId, 64), input.note ?? null, new Date());
  }

  @Delete(':id/cases/:departmentCode/:caseId')
  @HttpCode(204)
  @Permission('watchlists.use')
  async removeCase(
    @CurrentPrincipal() p: Principal,
    @CurrentScope() s: AccessScope,
    @Param('id') id: string,
    @Param('departmentCode') departmentCode: string,
    @Param('caseId') caseId: string,
  ): Promise<void> {
    await this.lists.removeCase(p, s, id, assertCode('departmentCode', departmentCode), assertText('caseId', caseId, 64), new Date());
  }
}
