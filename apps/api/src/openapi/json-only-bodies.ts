import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The one route that reads text/plain: the e-mailed card link's form (enctype="text/plain", no body read). */
const TEXT_PLAIN_ROUTES = new Set(['/api/v1/notification-links']);

/**
 * Bodies are JSON. Fastify would hand a text/plain body to any route as a string, which then fails
 * validation as "must be an object"; it answers 415 instead (the ErrorFilter names
 * application/json), except on the e-mailed link page whose HTML form posts text/plain.
 */
export function acceptJsonBodiesOnly(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 1024 }, (request, _body, done) => {
    if (TEXT_PLAIN_ROUTES.has(request.routeOptions.url ?? '')) return done(null, undefined);
    done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }), undefined);
  });
}
