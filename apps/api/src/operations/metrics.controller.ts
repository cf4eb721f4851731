import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Permission } from '../auth/auth.decorators';
import { Metrics } from '../telemetry/metrics';
import { StateMetricsService } from './state-metrics.service';

@ApiTags('operations')
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly state: StateMetricsService,
  ) {}

  /** Prometheus text exposition (names and sample alert rules: docs/operations.md). */
  @Get('metrics')
  @Permission('operations.monitor')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    await this.state.refresh();
    const { contentType, body } = await this.metrics.exposition();
    void reply.header('Content-Type', contentType);
    return body;
  }
}
