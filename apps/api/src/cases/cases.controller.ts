import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../auth/access-scope';
import { CurrentScope, Permission } from '../auth/auth.decorators';
import { assertCode, assertText, parsePage } from '../common/params';
import { CASE_SORT_KEYS, CaseQueryService } from './case-query.service';

@ApiTags('cases')
@ApiBearerAuth()
@Permission('cases.read')
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly cases: CaseQueryService) {}

  @Get()
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'status', required: false })
  @ApiQuery({ name: 'itemCode', required: false })
  @ApiQuery({ name: 'caseId', required: false, description: 'case numbers starting with this' })
  @ApiQuery({ name: 'sort', required: false, description: `one of ${CASE_SORT_KEYS.join(', ')}; prefix - for descending (default -lastOccurredAt)` })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(
    @CurrentScope() scope: AccessScope,
    @Query('departmentCode') departmentCode?: string,
    @Query('status') status?: string,
    @Query('itemCode') itemCode?: string,
    @Query('caseId') caseId?: string,
    @Query('sort') sort?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ) {
    return this.cases.list({
      departmentCode: departmentCode ? assertCode('departmentCode', departmentCode) : undefined,
      status: status || undefined,
      itemCode: itemCode ? assertCode('itemCode', itemCode) : undefined,
      caseId: caseId ? assertText('caseId', caseId, 64) : undefined,
      sort: sort || undefined,
      page: parsePage(page),
      pageSize: pageSize ? Math.min(parsePage(pageSize, 'pageSize'), 500) : 50,
    }, scope);
  }

  @Get(':departmentCode/:caseId')
  get(@CurrentScope() scope: AccessScope, @Param('departmentCode') departmentCode: string, @Param('caseId') caseId: string) {
    return this.cases.get(assertCode('departmentCode', departmentCode), assertText('caseId', caseId, 64), scope);
  }
}
