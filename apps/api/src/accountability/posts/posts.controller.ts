import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessScope } from '../../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../../auth/auth.decorators';
import { Principal } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertCode } from '../../common/params';
import { assertValid } from '../../common/schema-validator';
import { asFile } from '../../reports/render/send-report';
import { postsCsv, postsXlsx } from './posts-file';
import { PostAttributionService } from './post-attribution.service';
import { PostsImportService } from './posts-import.service';
import {
  endHoldingSchema,
  HoldingInput,
  holdingInputSchema,
  POST_FILE_FORMATS,
  PostFields,
  postFieldsSchema,
  PostImportInput,
  postImportSchema,
  PostInput,
  postInputSchema,
} from './posts-input';
import { PostsService } from './posts.service';

/**
 * 岗位责任信息库: the posts of each department, who held them when, and the table the personnel
 * department exports and imports. Department supervisors keep their own department's; the centre
 * all; officers and region supervisors read within their scope.
 */
@ApiTags('posts')
@ApiBearerAuth()
@Controller('api/v1/posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly imports: PostsImportService,
    private readonly attribution: PostAttributionService,
  ) {}

  @Get()
  @Permission('posts.read')
  @ApiQuery({ name: 'departmentCode', required: false })
  list(@CurrentScope() scope: AccessScope, @Query('departmentCode') departmentCode?: string) {
    return this.posts.list(scope, departmentCode ? assertCode('departmentCode', departmentCode) : undefined);
  }

  /** The posts and their holdings as one table (one row per holding): XLSX or CSV. */
  @Get('export')
  @Permission('posts.read')
  @ApiQuery({ name: 'format', required: false, enum: [...POST_FILE_FORMATS] })
  @ApiQuery({ name: 'departmentCode', required: false })
  async export(@CurrentScope() scope: AccessScope, @Res({ passthrough: true }) reply: FastifyReply, @Query('format') format?: string, @Query('departmentCode') departmentCode?: string) {
    const chosen = format ?? 'xlsx';
    if (!(POST_FILE_FORMATS as readonly string[]).includes(chosen)) throw new InvalidInputException([{ path: 'format', message: 'must be xlsx or csv' }]);
    const posts = await this.posts.list(scope, departmentCode ? assertCode('departmentCode', departmentCode) : undefined);
    const name = `posts${departmentCode ? `-${departmentCode}` : ''}`;
    return chosen === 'csv' ? asFile(reply, 'csv', name, postsCsv(posts)) : asFile(reply, 'xlsx', name, await postsXlsx(posts, new Date()));
  }

  /** The exported table back in (JSON body carrying the file in base64): all rows valid, or nothing written. */
  @Post('import')
  @HttpCode(200)
  @Permission('posts.manage')
  @ApiBody({ schema: postImportSchema })
  import(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.imports.import(p, s, assertValid<PostImportInput>(postImportSchema, body), new Date());
  }

  /**
   * Who answers for a card by the posts base: the post handling its step (else the acting
   * officer's) held on the breach day, its holder and the duty; `attribution` null when none.
   */
  @Get('cards/:alertId')
  @Permission('posts.read')
  cardAttribution(@CurrentScope() scope: AccessScope, @Param('alertId') alertId: string) {
    return this.attribution.cardInScope(scope, alertId);
  }

  @Post()
  @Permission('posts.manage')
  @ApiBody({ schema: postInputSchema })
  create(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Body() body: unknown) {
    return this.posts.create(p, s, assertValid<PostInput>(postInputSchema, body), new Date());
  }

  @Get(':id')
  @Permission('posts.read')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.posts.get(scope, id);
  }

  /** Changes what the post says; its department and code stay. */
  @Put(':id')
  @Permission('posts.manage')
  @ApiBody({ schema: postFieldsSchema })
  update(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.posts.update(p, s, id, assertValid<PostFields>(postFieldsSchema, body), new Date());
  }

  /** Only a post nobody ever held (409 otherwise: end the holdings, the history stays). */
  @Delete(':id')
  @HttpCode(204)
  @Permission('posts.manage')
  async remove(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string): Promise<void> {
    await this.posts.remove(p, s, id);
  }

  /** An officer of the department takes up the post from a day (to a day, or open). */
  @Post(':id/holdings')
  @Permission('posts.manage')
  @ApiBody({ schema: holdingInputSchema })
  addHolding(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Body() body: unknown) {
    return this.posts.addHolding(p, s, id, assertValid<HoldingInput>(holdingInputSchema, body), new Date());
  }

  /** Ends an open holding on its last day; it is kept as history. */
  @Post(':id/holdings/:holdingId/end')
  @HttpCode(200)
  @Permission('posts.manage')
  @ApiBody({ schema: endHoldingSchema })
  endHolding(@CurrentPrincipal() p: Principal, @CurrentScope() s: AccessScope, @Param('id') id: string, @Param('holdingId') holdingId: string, @Body() body: unknown) {
    return this.posts.endHolding(p, s, id, holdingId, assertValid<{ validTo: string }>(endHoldingSchema, body).validTo);
  }
}
