import { INGEST_LIMITS } from '@app/contracts';
import { FUTURE_TOLERANCE_MINUTES } from '../ingest/future-tolerance';

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const problemContent = { 'application/json': { schema: ref('Problem') } };
const retryAfter = { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer' } } };

/** The error answers, shared by every operation that can give them (components.responses). */
export const ERROR_RESPONSES: Readonly<Record<string, Schema>> = {
  BadRequest: {
    description: 'Invalid input: a body field, a path or query parameter (unknown query parameters included) is wrong; `errors` names each and why',
    content: problemContent,
  },
  Unauthorized: { description: 'No credentials, or an unknown, expired or revoked token', content: problemContent },
  Forbidden: { description: 'These credentials may not call this operation; the message names the credential needed', content: problemContent },
  NotFound: { description: 'Nothing with this identifier in the caller’s scope', content: problemContent },
  Conflict: { description: 'The resource is not in a state that allows this (e.g. already closed), or a concurrent change won', content: problemContent },
  PayloadTooLarge: {
    description: `The body is over ${INGEST_LIMITS.maxBodyBytes} bytes (1 MiB), or a batch has over ${INGEST_LIMITS.maxEventsPerBatch} events: split it`,
    content: problemContent,
  },
  UnsupportedMediaType: { description: 'The body must be sent as JSON with `Content-Type: application/json`', content: problemContent },
  TooManyRequests: { description: 'Rate limit for this client address exceeded', headers: retryAfter, content: problemContent },
  ServiceUnavailable: { description: 'The database is unavailable; nothing was stored, retry later', headers: retryAfter, content: problemContent },
};

/** 2xx bodies described more precisely than "a JSON object", by operationId. */
export const SUCCESS_SCHEMAS: Readonly<Record<string, Schema>> = {
  IngestController_post: ref('IngestResult'),
  SessionController_login: ref('Session'),
  HealthController_health: ref('Health'),
  HealthController_ready: ref('Readiness'),
  ...Object.fromEntries(
    [
      'NotificationChannelsController_getDepartment',
      'NotificationChannelsController_getOfficer',
      'NotificationChannelsController_getCentre',
      'CatalogueController_listRegions',
      'CatalogueController_listDepartments',
      'CatalogueController_listKeys',
      'CatalogueController_listItems',
      'CatalogueController_listOfficers',
      'UsersController_list',
      'DisplaysController_list',
      'QuarterlyController_list',
      'JointMeetingsController_list',
      'CountyReportsController_list',
      'PostsController_list',
      'AccountabilityBodiesController_list',
      'WatchListsController_list',
    ].map((id) => [id, ref('JsonArray')]),
  ),
};

/** Operations that answer a file only (no `format` choice). */
export const FILE_ONLY: Readonly<Record<string, string>> = {
  RegisterController_export: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const INGEST_DESCRIPTION = [
  'Sends up to ' + INGEST_LIMITS.maxEventsPerBatch + ' case events in one batch (at most 1 MiB). Answers 202 only after the accepted events are committed.',
  'Each event is validated on its own: invalid ones are listed in `rejected` with their index and the fields at fault, the others are stored.',
  'An `eventId` already stored with the same content counts as a duplicate (safe to resend); with different content it is rejected.',
  `\`occurredAt\` may be at most ${FUTURE_TOLERANCE_MINUTES} minutes ahead of the centre's clock (the tolerated clock skew).`,
  'Only a department API key may send events, and only for its own department.',
].join('\n\n');
