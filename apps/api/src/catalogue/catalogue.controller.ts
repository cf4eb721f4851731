import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  DepartmentInput,
  departmentInputSchema,
  ItemInput,
  itemInputSchema,
  OfficerInput,
  officerInputSchema,
  RegionInput,
  regionInputSchema,
} from '@app/contracts';
import { DataSource, In } from 'typeorm';
import { AccessScope, departmentFilter } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../auth/auth.decorators';
import { DepartmentKeyService } from '../auth/department-key.service';
import { Principal } from '../auth/principal';
import { notFound } from '../common/invalid-input.exception';
import { assertCode } from '../common/params';
import { assertValid } from '../common/schema-validator';
import { DepartmentEntity, ItemEntity, OfficerEntity, RegionEntity } from '../persistence/entities';
import { CatalogueChangesService } from './catalogue-changes.service';

const keyRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { label: { type: 'string', maxLength: 200 } },
};

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('api/v1')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueChangesService,
    private readonly keys: DepartmentKeyService,
    private readonly dataSource: DataSource,
  ) {}

  @Put('regions/:code')
  @Permission('catalogue.write')
  @ApiBody({ schema: regionInputSchema as object })
  putRegion(@Param('code') code: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.catalogue.putRegion(principal, assertCode('code', code), assertValid<RegionInput>(regionInputSchema, body));
  }

  @Get('regions')
  @Permission('catalogue.read')
  listRegions() {
    return this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  }

  @Put('departments/:code')
  @Permission('catalogue.write')
  @ApiBody({ schema: departmentInputSchema as object })
  putDepartment(@Param('code') code: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.catalogue.putDepartment(principal, assertCode('code', code), assertValid<DepartmentInput>(departmentInputSchema, body));
  }

  @Get('departments')
  @Permission('catalogue.read')
  listDepartments() {
    return this.dataSource.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } });
  }

  @Get('departments/:code')
  @Permission('catalogue.read')
  async getDepartment(@Param('code') code: string) {
    const found = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ code: assertCode('code', code) });
    if (!found) throw notFound('code', `department ${code} not found`);
    return found;
  }

  @Post('departments/:code/keys')
  @Permission('departmentKeys.manage')
  @ApiBody({ schema: keyRequestSchema })
  async issueKey(@Param('code') code: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const input = assertValid<{ label?: string }>(keyRequestSchema, body ?? {});
    await this.getDepartment(code);
    return this.keys.issue(code, input.label ?? null, principal);
  }

  @Get('departments/:code/keys')
  @Permission('departmentKeys.manage')
  async listKeys(@Param('code') code: string) {
    await this.getDepartment(code);
    return this.keys.list(code);
  }

  @Delete('departments/:code/keys/:id')
  @Permission('departmentKeys.manage')
  @HttpCode(204)
  async revokeKey(@Param('code') code: string, @Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    if (!(await this.keys.revoke(assertCode('code', code), assertCode('id', id), principal))) throw notFound('id', `active key ${id} not found`);
  }

  @Put('items/:code')
  @Permission('catalogue.write')
  @ApiBody({ schema: itemInputSchema as object })
  putItem(@Param('code') code: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.catalogue.putItem(principal, assertCode('code', code), assertValid<ItemInput>(itemInputSchema, body));
  }

  @Get('items')
  @Permission('catalogue.read')
  listItems(@Query('departmentCode') departmentCode?: string) {
    const where = departmentCode ? { departmentCode: assertCode('departmentCode', departmentCode) } : {};
    return this.dataSource.getRepository(ItemEntity).find({ where, order: { code: 'ASC' } });
  }

  @Get('items/:code')
  @Permission('catalogue.read')
  async getItem(@Param('code') code: string) {
    const found = await this.dataSource.getRepository(ItemEntity).findOneBy({ code: assertCode('code', code) });
    if (!found) throw notFound('code', `item ${code} not found`);
    return found;
  }

  @Put('officers/:id')
  @Permission('catalogue.write')
  @ApiBody({ schema: officerInputSchema as object })
  putOfficer(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.catalogue.putOfficer(principal, assertCode('id', id), assertValid<OfficerInput>(officerInputSchema, body));
  }

  /** Officers are people: a department-scoped reader sees its own department's only. */
  @Get('officers')
  @Permission('officers.read')
  async listOfficers(@CurrentScope() scope: AccessScope, @Query('departmentCode') departmentCode?: string) {
    const departments = departmentFilter(scope, departmentCode ? assertCode('departmentCode', departmentCode) : undefined);
    if (departments?.length === 0) return [];
    const where = departments ? { departmentCode: In(departments) } : {};
    return this.dataSource.getRepository(OfficerEntity).find({ where, order: { id: 'ASC' } });
  }
}
