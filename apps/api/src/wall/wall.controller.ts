import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';

/** Placeholder until the wall-screen issue: tells the operator where the screen will be. Shows no data. */
@ApiExcludeController()
@Public()
@Controller('wall')
export class WallController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>行政审批电子监察大屏</title>
<style>body{margin:0;height:100vh;display:flex;align-items:center;justify-content:center;background:#061a33;color:#9fd3ff;font:28px sans-serif}</style>
</head><body><div>行政审批电子监察大屏 · Wall screen — 建设中 (coming soon)</div></body></html>`;
  }
}
