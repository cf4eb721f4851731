import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { QUERY_CODE_PATTERN } from '@app/contracts';
import { Public } from '../auth/auth.decorators';
import { assertValid } from '../common/schema-validator';
import { ProgressLookupService, ProgressQuery } from './progress-lookup.service';

export const progressQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['departmentCode', 'caseId', 'queryCode'],
  properties: {
    departmentCode: { type: 'string', minLength: 1, maxLength: 32, description: 'the department that handles the case' },
    caseId: { type: 'string', minLength: 1, maxLength: 64, description: 'the case number on the receipt (办件编号)' },
    queryCode: { type: 'string', pattern: QUERY_CODE_PATTERN, description: 'the query code on the receipt (查询码)' },
  },
};

/**
 * 办件进度查询, no login. Public routes under /api/v1/public/ share a tight per-client rate limit
 * (security/abuse-limits.ts). POST keeps the code out of URLs (browser history, proxies' logs);
 * GET is there for links and simple clients.
 */
@ApiTags('public')
@Controller('api/v1/public/progress')
export class PublicProgressController {
  constructor(private readonly progress: ProgressLookupService) {}

  @Get()
  @Public()
  @ApiQuery({ name: 'departmentCode', required: true })
  @ApiQuery({ name: 'caseId', required: true })
  @ApiQuery({ name: 'queryCode', required: true })
  get(@Query() query: Record<string, string | undefined>, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    const { departmentCode, caseId, queryCode } = query;
    return this.progress.lookup(assertValid<ProgressQuery>(progressQuerySchema, { departmentCode, caseId, queryCode }));
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiBody({ schema: progressQuerySchema })
  post(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.progress.lookup(assertValid<ProgressQuery>(progressQuerySchema, body));
  }
}
