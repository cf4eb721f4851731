import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/auth.decorators';
import { assertCode, parsePage } from '../common/params';
import { CaseQueryService } from './case-query.service';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly cases: CaseQueryService) {}

  @Get()
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'status', required: false })
  @ApiQuery({ name: 'itemCode', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(
    @Query('departmentCode') departmentCode?: string,
    @Query('status') status?: string,
    @Query('itemCode') itemCode?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ) {
    return this.cases.list({
      departmentCode: departmentCode ? assertCode('departmentCode', departmentCode) : undefined,
      status: status || undefined,
      itemCode: itemCode ? assertCode('itemCode', itemCode) : undefined,
      page: parsePage(page),
      pageSize: pageSize ? Math.min(parsePage(pageSize, 'pageSize'), 500) : 50,
    });
  }

  @Get(':departmentCode/:caseId')
  get(@Param('departmentCode') departmentCode: string, @Param('caseId') caseId: string) {
    return this.cases.get(assertCode('departmentCode', departmentCode), caseId);
  }
}
