import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PERMISSIONS } from '../auth/access-policy';
import { credentialsNeeded, schemeOf } from '../auth/credentials-needed';
import { COMPONENT_SCHEMAS } from './components';
import { OPERATION_SUMMARIES } from './operation-summaries';
import { ERROR_RESPONSES, FILE_ONLY, INGEST_DESCRIPTION, SUCCESS_SCHEMAS } from './responses';
import { RouteAccess, routeAccessByOperationId } from './route-access';
import { TAG_DESCRIPTIONS } from './tags';

type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; schema?: Json }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  responses?: Record<string, Json>;
  security?: Record<string, string[]>[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Tags whose resources move through states: their changes can meet a 409. */
const STATEFUL_TAGS = new Set(['alerts', 'notifications', 'register', 'supervision orders', 'complaints', 'joint meetings', 'county reports', 'posts', 'clues', 'watchlists']);
const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html'];

const SECURITY_SCHEMES: Json = {
  departmentKey: { type: 'http', scheme: 'bearer', description: 'A department API key (`lmk_…`), issued by the centre with POST /api/v1/departments/{code}/keys. Sends events for its own department only.' },
  session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A user session token from POST /api/v1/auth/login; what it may do depends on the user’s role.' },
  displayToken: { type: 'http', scheme: 'bearer', description: 'A wall-screen display token, issued with POST /api/v1/displays.' },
  adminToken: { type: 'http', scheme: 'bearer', description: 'The break-glass admin token (ADMIN_TOKEN). Holds every permission except sending events.' },
};

/**
 * The OpenAPI 3.1 document served at /api/docs/openapi.json. @nestjs/swagger reads the routes,
 * parameters and request bodies from the controllers; this completes what it cannot know: the
 * error answers and their one shape, who may call each operation (from the same metadata the
 * AuthGuard enforces), summaries, and the JSON Schema 2020-12 event contract as it is.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Licensing approval monitoring API').setVersion('1').build(),
  );
  return finishDocument(generated, routeAccessByOperationId(app));
}

export function finishDocument(document: OpenAPIObject, access: Map<string, RouteAccess>): OpenAPIObject {
  const doc = document as unknown as Json & { paths: Record<string, Record<string, Operation>>; components?: Json };
  const usedTags = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      finishOperation(op, method, path, access.get(op.operationId ?? ''));
      for (const tag of op.tags ?? []) usedTags.add(tag);
    }
  }
  doc.openapi = '3.1.0';
  doc.info = {
    title: 'Licensing approval monitoring API',
    version: '1',
    summary: 'Case events from department approval systems in; statutory clocks, irregularity cards, reports and oversight out.',
    description: describeApi(doc.paths, usedTags),
    license: { name: 'Proprietary (UNLICENSED): for the licensing authority and the departments it monitors', url: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license' },
    contact: { name: 'The centre’s operators (see docs/operations.md)' },
  };
  doc.servers = [{ url: '/', description: 'The server that served this document' }];
  doc.tags = [...usedTags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name }));
  doc.components = {
    securitySchemes: SECURITY_SCHEMES,
    schemas: COMPONENT_SCHEMAS,
    responses: ERROR_RESPONSES,
  };
  return document;
}

function finishOperation(op: Operation, method: string, path: string, access: RouteAccess | undefined): void {
  const id = op.operationId ?? '';
  op.summary = op.summary ?? OPERATION_SUMMARIES[id];
  const isPublic = access?.isPublic ?? false;
  const kinds = access?.kinds ?? [];
  op.security = isPublic ? [] : [...new Set(kinds.map(schemeOf))].map((scheme) => ({ [scheme]: [] }));
  const who = isPublic
    ? 'No credentials needed.'
    : `Needs ${credentialsNeeded(kinds)}${access?.permission ? ` (permission \`${access.permission}\`: ${PERMISSIONS[access.permission].description})` : ''}.`;
  op.description = [id === 'IngestController_post' ? INGEST_DESCRIPTION : op.description, who].filter(Boolean).join('\n\n');
  for (const parameter of op.parameters ?? []) parameter.schema ??= { type: 'string' };

  if (op.requestBody) {
    op.requestBody.required = true;
    if (id === 'IngestController_post') op.requestBody.content = { 'application/json': { schema: { $ref: '#/components/schemas/IngestBatch' } } };
  }
  op.responses = { ...successResponses(op, id), ...errorResponses(op, method, path, isPublic) };
}

function successResponses(op: Operation, id: string): Record<string, Json> {
  const responses: Record<string, Json> = {};
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    if (!status.startsWith('2')) continue;
    const description = typeof response.description === 'string' && response.description && !response.description.startsWith('{') ? response.description : 'Success';
    if (status === '204') {
      responses[status] = { description: 'Done; no content' };
      continue;
    }
    const content = successContent(id, op, (response as { content?: Json }).content);
    if ((op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'format')) {
      for (const type of FILE_TYPES) content[type] = { schema: { $ref: '#/components/schemas/File' } };
    }
    responses[status] = { description, content };
  }
  return responses;
}

/** The body of a success: what the controller declared when it is not JSON (Prometheus text), else by operation. */
function successContent(id: string, op: Operation, declared: Json | undefined): Json {
  if (declared && !('application/json' in declared)) return { ...declared };
  if (id.startsWith('NotificationLinksController_')) return { 'text/html': { schema: { type: 'string' } } };
  if (FILE_ONLY[id]) return { [FILE_ONLY[id]]: { schema: { $ref: '#/components/schemas/File' } } };
  return { 'application/json': { schema: SUCCESS_SCHEMAS[id] ?? defaultSchema(op) } };
}

/** A list that pages (page and pageSize parameters) answers a Page; anything else a JSON object. */
function defaultSchema(op: Operation): Json {
  const query = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
  return { $ref: `#/components/schemas/${query.has('page') && query.has('pageSize') ? 'Page' : 'JsonObject'}` };
}

function errorResponses(op: Operation, method: string, path: string, isPublic: boolean): Record<string, Json> {
  const use = (name: string) => ({ $ref: `#/components/responses/${name}` });
  const responses: Record<string, Json> = { '400': use('BadRequest') };
  const id = op.operationId ?? '';
  if (!isPublic) Object.assign(responses, { '401': use('Unauthorized'), '403': use('Forbidden') });
  // Public exceptions: a wrong password; an e-mailed link whose token is unknown or expired.
  if (id === 'SessionController_login') responses['401'] = use('Unauthorized');
  if ((op.parameters ?? []).some((p) => p.in === 'path') || id.startsWith('NotificationLinksController_')) responses['404'] = use('NotFound');
  if (method !== 'get' && (op.tags ?? []).some((t) => STATEFUL_TAGS.has(t))) responses['409'] = use('Conflict');
  if (op.requestBody) Object.assign(responses, { '413': use('PayloadTooLarge'), '415': use('UnsupportedMediaType') });
  responses['429'] = use('TooManyRequests');
  if (path !== '/health') responses['503'] = use('ServiceUnavailable');
  // The e-mailed link pages are read by people: an unknown or expired link answers an HTML page.
  if (id.startsWith('NotificationLinksController_')) {
    for (const [status, name] of [['400', 'BadRequest'], ['404', 'NotFound']] as const) {
      const shared = ERROR_RESPONSES[name] as { description: string; content: Json };
      responses[status] = { description: `${shared.description} (an HTML page for people, JSON for programs)`, content: { ...shared.content, 'text/html': { schema: { type: 'string' } } } };
    }
  }
  // The readiness probe answers 503 with the same body as its 200, saying which dependency failed.
  if (id === 'HealthController_ready') {
    responses['503'] = { description: 'Not ready: `details` names the dependency that failed', content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } } };
  }
  return responses;
}

/** info.description: how to authenticate, the error shape, and every tag with its paths (generated, so it stays complete). */
function describeApi(paths: Record<string, Record<string, Operation>>, tags: Set<string>): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const tag = item[method]?.tags?.[0];
      if (tag) byTag.set(tag, [...(byTag.get(tag) ?? []), `${method.toUpperCase()} ${path}`]);
    }
  }
  const sections = [...tags].sort().map((tag) => `- **${tag}** (${byTag.get(tag)?.length ?? 0} operations): ${TAG_DESCRIPTIONS[tag] ?? ''}`);
  return [
    'Department approval systems send case events (POST /api/v1/events, with a department API key); the centre derives statutory clocks, raises irregularity cards, reports and runs oversight. The console, the wall screen and the CLI use this same API.',
    '**Authentication.** Every operation except login, the health probes and e-mailed card links needs `Authorization: Bearer <token>`: a department API key, a user session token (POST /api/v1/auth/login), a display token, or the admin token. Each operation lists the credentials it admits; others answer 403 naming the one needed.',
    '**Errors.** Every error answer has one shape (`Problem`): `statusCode`, `error`, `message` and `errors[]`, each naming the field, parameter or header at fault and why. Unknown query parameters are refused (400). Bodies are JSON (`Content-Type: application/json`, else 415) of at most 1 MiB (else 413).',
    `**Operations by tag** (${Object.keys(paths).length} paths):`,
    ...sections,
  ].join('\n\n');
}
