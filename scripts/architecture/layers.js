// The layers of apps/api/src, bottom first: a folder may import folders of its own layer's lower
// neighbours only, never a folder above it nor a peer on its own row (rows with `peers: true`
// excepted, whose folders are kept acyclic by the folder-cycle check). The dependency rules
// (.dependency-cruiser.js) and the diagram in docs/architecture.md are both made from this list.
// '(root)' names the files directly in apps/api/src (main, app module, cli entry, job wiring).
module.exports = [
  { name: 'config', folders: ['config'], why: 'the only reader of the environment' },
  { name: 'common', folders: ['common', 'telemetry'], why: 'errors, parameters, validation, principals, metrics' },
  { name: 'storage', folders: ['persistence', 'embedded'], why: 'entities, migrations, the database' },
  { name: 'messaging', folders: ['jobs', 'outbox'], why: 'queue drivers and the outbox' },
  { name: 'audit', folders: ['audit'], why: 'the audit chain' },
  { name: 'identity', folders: ['auth'], why: 'principals, sessions, keys, access policy' },
  { name: 'reference', folders: ['catalogue', 'calendar'], why: 'items, departments, working calendars' },
  { name: 'ingest', folders: ['ingest'], why: 'event store, batches' },
  { name: 'cases', folders: ['cases'], why: 'projection, clocks of stored cases' },
  { name: 'alerts', folders: ['alerts'], why: 'rules applied to cases; cards, lifecycle, scheduler' },
  { name: 'outputs', folders: ['reports', 'notifications', 'realtime', 'wall', 'watchlists'], why: 'read cards and cases; never imported by them' },
  { name: 'accountability', folders: ['accountability'], why: 'register, supervision orders, complaints (uses report rendering)' },
  { name: 'applicants', folders: ['applicants'], why: 'the public, no login: progress lookup by query code, complaints, the directory of complaint channels' },
  { name: 'wiring', folders: ['(root)', 'cli', 'demo', 'health', 'openapi', 'operations', 'security'], peers: true, why: 'bootstrap, app module, job handler wiring, commands, HTTP hardening, the API document, operations' },
];
