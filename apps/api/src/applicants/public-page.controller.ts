import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { PUBLIC_PAGE_SCRIPT } from './public-page-script';
import { PUBLIC_PAGE_HTML } from './public-page';

/** The applicants' page (办件查询与投诉): public, no credentials; its data comes from /api/v1/public/…. */
@ApiExcludeController()
@Public()
@Controller('public')
export class PublicPageController {
  @Get()
  page(@Res() reply: FastifyReply): void {
    void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(PUBLIC_PAGE_HTML);
  }

  @Get('app.js')
  script(@Res() reply: FastifyReply): void {
    void reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(PUBLIC_PAGE_SCRIPT);
  }
}
