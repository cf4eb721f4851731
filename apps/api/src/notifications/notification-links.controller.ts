import { Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { LinkAcknowledgementService, LinkOutcome } from './link-acknowledgement.service';
import { acknowledgedPage, cardPage, invalidLinkPage } from './link-page';

const wantsJson = (accept: string | undefined): boolean => !!accept && accept.includes('application/json') && !accept.includes('text/html');

/**
 * The links in messages: `/api/v1/notification-links?t=<token>`. The token is the credential (signed,
 * single-purpose, expiring), so the routes are public; anything that is not a genuine link answers
 * 404 alike. GET shows the card; POST (the page's button, or a JSON client) acknowledges it. The
 * token rides in the query: it is longer than a path parameter may be.
 */
@ApiTags('notifications')
@Controller('api/v1/notification-links')
export class NotificationLinksController {
  constructor(private readonly links: LinkAcknowledgementService) {}

  @Get()
  @Public()
  @ApiQuery({ name: 't', required: true, description: 'the signed token of the link' })
  async show(@Query('t') token: string | undefined, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const outcome = await this.links.view(token ?? '', new Date());
    return this.answer(reply, accept, outcome, () => (outcome.kind === 'card' ? cardPage(outcome.card, outcome.claims.purpose === 'ack') : ''));
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiQuery({ name: 't', required: true, description: 'the signed token of the link' })
  async acknowledge(@Query('t') token: string | undefined, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const outcome = await this.links.acknowledge(token ?? '', new Date());
    return this.answer(reply, accept, outcome, () => (outcome.kind === 'acknowledged' || outcome.kind === 'unchanged' ? acknowledgedPage(outcome.card, outcome.kind === 'acknowledged') : ''));
  }

  private answer(reply: FastifyReply, accept: string | undefined, outcome: LinkOutcome, html: () => string) {
    void reply.header('cache-control', 'no-store');
    if (outcome.kind === 'invalid') void reply.status(404);
    if (wantsJson(accept)) {
      return outcome.kind === 'invalid'
        ? { statusCode: 404, error: 'Not Found', message: 'not a valid notification link', errors: [{ path: 'token', message: 'unknown, expired or not for this action' }] }
        : { outcome: outcome.kind === 'card' ? 'shown' : outcome.kind, purpose: outcome.claims.purpose, card: { id: outcome.card.id, level: outcome.card.level, state: outcome.card.state } };
    }
    void reply.type('text/html; charset=utf-8');
    return outcome.kind === 'invalid' ? invalidLinkPage() : html();
  }
}
