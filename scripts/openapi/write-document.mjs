#!/usr/bin/env node
// Writes the OpenAPI document exactly as the built application serves it at /api/docs/openapi.json.
//   node scripts/openapi/write-document.mjs [out-file]   (default: dist/openapi.json)
// Boots the application in-process in embedded mode on a throw-away data directory: no PostgreSQL,
// Redis or network needed, so `npm run lint:openapi` runs anywhere the build runs.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist/openapi.json'));
const require = createRequire(path.join(root, 'package.json'));
require('reflect-metadata');
const { createApp } = require(path.join(root, 'dist/apps/api/src/app-factory.js'));
const { loadConfig } = require(path.join(root, 'dist/apps/api/src/config/app-config.js'));
const { startEmbeddedPostgres } = require(path.join(root, 'dist/apps/api/src/embedded/embedded-postgres.js'));

const dataDir = mkdtempSync(path.join(tmpdir(), 'lm-openapi-'));
let database = null;
let app = null;
try {
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: 'openapi-document-writer-0000000000' });
  database = await startEmbeddedPostgres(dataDir);
  app = await createApp(config, { databaseUrl: database.url }, { logLevels: ['error', 'fatal'] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address();
  const response = await fetch(`http://127.0.0.1:${port}/api/docs/openapi.json`);
  if (!response.ok) throw new Error(`GET /api/docs/openapi.json answered ${response.status}`);
  const document = await response.json();
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${path.relative(root, out)}: OpenAPI ${document.openapi}, ${Object.keys(document.paths).length} paths`);
} finally {
  await app?.close();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
