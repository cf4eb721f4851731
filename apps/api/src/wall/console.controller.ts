import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { wallDistDir } from './wall-dist';

const CONSOLE_PAGE = 'console.html';

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>行政审批电子监察工作台</title>
<style>body{margin:0;height:100vh;display:flex;align-items:center;justify-content:center;background:#10253f;color:#cfe3ff;font:20px sans-serif;text-align:center}code{color:#fff}</style>
</head><body><div>工作台尚未构建 · The console is not built.<br><br>Run <code>npm run build:wall</code> (or <code>npm start</code>, which builds it), then reload.</div></body></html>`;

export const isConsoleBuilt = (distDir: string): boolean => existsSync(path.join(distDir, CONSOLE_PAGE));

/**
 * Serves the supervision console (apps/dashboard/console.html, built with the wall). The page is
 * public; its data comes from the API with the signed-in user's token. Every path under /console/
 * that is not an asset is a client-side route (a deep link such as /console/cards/<id>), answered
 * with the page itself; the page's <base href="/console/"> makes its relative assets resolve.
 */
@ApiExcludeController()
@Public()
@Controller('console')
export class ConsoleController {
  private readonly distDir = wallDistDir();

  @Get()
  entry(@Res() reply: FastifyReply): void {
    void reply.redirect('/console/', 302);
  }

  @Get('*')
  file(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    let relative: string;
    try {
      relative = decodeURIComponent(request.url.split('?')[0].replace(/^\/console\/?/, ''));
    } catch {
      void reply.code(404).send();
      return;
    }
    if (relative.startsWith('assets/')) {
      // Hashed file names change with their content, so assets can be cached for good; a missing one is a 404, never the page.
      void reply.sendFile(relative, this.distDir, { immutable: true, maxAge: '365d' });
      return;
    }
    if (!isConsoleBuilt(this.distDir)) {
      void reply.code(503).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
      return;
    }
    // The page names its hashed assets: never cached, or a browser keeps an old build.
    void reply.header('Cache-Control', 'no-cache').sendFile(CONSOLE_PAGE, this.distDir, { cacheControl: false });
  }
}
