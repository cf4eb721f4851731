import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
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
import { DataSource } from 'typeorm';
import { Allow } from '../auth/auth.decorators';
import { DepartmentKeyService } from '../auth/department-key.service';
import { assertCode } from '../common/params';
import { assertValid } from '../common/schema-validator';
import { DepartmentEntity, ItemEntity, OfficerEntity, RegionEntity } from '../persistence/entities';
import { CatalogueService } from './catalogue.service';

const keyRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { label: { type: 'string', maxLength: 200 } },
};

@ApiTags('catalogue')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/v1')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly keys: DepartmentKeyService,
    private readonly dataSource: DataSource,
  ) {}

  @Put('regions/:code')
  @ApiBody({ schema: regionInputSchema as object })
  putRegion(@Param('code') code: string, @Body() body: unknown) {
    return this.catalogue.putRegion(assertCode('code', code), assertValid<RegionInput>(regionInputSchema, body));
  }

  @Get('regions')
  listRegions() {
    return this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  }

  @Put('departments/:code')
  @ApiBody({ schema: departmentInputSchema as object })
  putDepartment(@Param('code') code: string, @Body() body: unknown) {
    return this.catalogue.putDepartment(assertCode('code', code), assertValid<DepartmentInput>(departmentInputSchema, body));
  }

  @Get('departments')
  listDepartments() {
    return this.dataSource.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } });
  }

  @Get('departments/:code')
  async getDepartment(@Param('code') code: string) {
    const found = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ code: assertCode('code', code) });
    if (!found) throw new NotFoundException(`department ${code} not found`);
    return found;
  }

  @Post('departments/:code/keys')
  @ApiBody({ schema: keyRequestSchema })
  async issueKey(@Param('code') code: string, @Body() body: unknown) {
    const input = assertValid<{ label?: string }>(keyRequestSchema, body ?? {});
    await this.getDepartment(code);
    return this.keys.issue(code, input.label ?? null);
  }

  @Get('departments/:code/keys')
  async listKeys(@Param('code') code: string) {
    await this.getDepartment(code);
    return this.keys.list(code);
  }

  @Delete('departments/:code/keys/:id')
  @HttpCode(204)
  async revokeKey(@Param('code') code: string, @Param('id') id: string): Promise<void> {
    if (!(await this.keys.revoke(assertCode('code', code), id))) throw new NotFoundException(`active key ${id} not found`);
  }

  @Put('items/:code')
  @ApiBody({ schema: itemInputSchema as object })
  putItem(@Param('code') code: string, @Body() body: unknown) {
    return this.catalogue.putItem(assertCode('code', code), assertValid<ItemInput>(itemInputSchema, body));
  }

  @Get('items')
  listItems(@Query('departmentCode') departmentCode?: string) {
    const where = departmentCode ? { departmentCode: assertCode('departmentCode', departmentCode) } : {};
    return this.dataSource.getRepository(ItemEntity).find({ where, order: { code: 'ASC' } });
  }

  @Get('items/:code')
  async getItem(@Param('code') code: string) {
    const found = await this.dataSource.getRepository(ItemEntity).findOneBy({ code: assertCode('code', code) });
    if (!found) throw new NotFoundException(`item ${code} not found`);
    return found;
  }

  @Put('officers/:id')
  @ApiBody({ schema: officerInputSchema as object })
  putOfficer(@Param('id') id: string, @Body() body: unknown) {
    return this.catalogue.putOfficer(assertCode('id', id), assertValid<OfficerInput>(officerInputSchema, body));
  }

  @Get('officers')
  listOfficers(@Query('departmentCode') departmentCode?: string) {
    const where = departmentCode ? { departmentCode: assertCode('departmentCode', departmentCode) } : {};
    return this.dataSource.getRepository(OfficerEntity).find({ where, order: { id: 'ASC' } });
  }
}
