import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { isWallBuilt, wallDistDir } from './wall-dist';

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>行政审批电子监察大屏</title>
<style>body{margin:0;height:100vh;display:flex;align-items:center;justify-content:center;background:#061a33;color:#9fd3ff;font:24px sans-serif;text-align:center}code{color:#fff}</style>
</head><body><div>大屏尚未构建 · The wall screen is not built.<br><br>Run <code>npm run build:wall</code> (or <code>npm start</code>, which builds it), then reload.</div></body></html>`;

/**
 * Serves the built wall screen (apps/dashboard). The page itself is public; its data comes only
 * over the authenticated socket. Assets are referenced relatively, so the page must be at /wall/.
 */
@ApiExcludeController()
@Public()
@Controller('wall')
export class WallController {
  private readonly distDir = wallDistDir();

  @Get()
  entry(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    if (!isWallBuilt(this.distDir)) {
      void reply.code(503).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
      return;
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    void reply.redirect(`/wall/${query}`, 302);
  }

  @Get('*')
  file(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    let relative: string;
    try {
      relative = decodeURIComponent(request.url.split('?')[0].replace(/^\/wall\/?/, ''));
    } catch {
      void reply.code(404).send();
      return;
    }
    if (relative === '' || relative === 'index.html') {
      if (!isWallBuilt(this.distDir)) return this.entry(request, reply);
      // The page names its hashed assets: it must never be cached, or a screen keeps an old build.
      void reply.header('Cache-Control', 'no-cache').sendFile('index.html', this.distDir, { cacheControl: false });
      return;
    }
    // Hashed file names change with their content, so assets can be cached for good.
    void reply.sendFile(relative, this.distDir, { immutable: true, maxAge: '365d' });
  }
}
