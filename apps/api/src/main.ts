import 'reflect-metadata';
import { AfterListenWork } from './common/after-listen-work';
import { ConfigError, loadConfig } from './config/app-config';
import { AdminClient } from './demo/admin-client';
import { DemoLoader } from './demo/demo-bootstrap';
import { ensureWallDisplayToken } from './demo/wall-display-token';
import type { EmbeddedPostgres } from './embedded/embedded-postgres';
import { startEmbeddedPostgresThread } from './embedded/embedded-postgres-thread';
import { createPino } from './telemetry/logging';
import { wallScreenLine } from './wall/wall-url';

const NEW_DATA: Record<EmbeddedPostgres['startedFrom'], string> = {
  existing: '',
  template: ' (new: from the build\'s template)',
  initdb: ' (new: initialised now; `npm run build` writes a template that makes this faster)',
  given: '',
};

interface BootLogger {
  log(message: string): void;
  warn(message: string): void;
}

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const pino = createPino({ format: config.logFormat, level: config.logLevel });
  const logger: BootLogger = {
    log: (message) => pino.info({ context: 'Bootstrap' }, message),
    warn: (message) => pino.warn({ context: 'Bootstrap' }, message),
  };
  // The embedded database starts on its own thread first, so its initdb overlaps with loading the
  // application's modules (about a second of require) and wiring them.
  const embeddedStarting = config.mode === 'embedded' ? startEmbeddedPostgresThread(config.dataDir) : null;
  embeddedStarting?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const { createApp } = await import('./app-factory');
  let embedded: EmbeddedPostgres | null = null;
  if (embeddedStarting) {
    embedded = await embeddedStarting;
    logger.log(`embedded PostgreSQL (PGlite) on ${embedded.address} (password generated for this run), data in ${config.dataDir}${NEW_DATA[embedded.startedFrom]}`);
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const app = await createApp(config, { databaseUrl }, { pino });
  if (embedded) {
    const stopEmbedded = embedded;
    process.once('exit', () => void stopEmbedded.stop());
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const bound = typeof address === 'object' && address ? `${address.address}:${address.port}` : `${config.host}:${port}`;
  // People read localhost; the process's own calls go to the address it bound, because Node may
  // resolve localhost to ::1 while the server listens on 127.0.0.1 only.
  const base = `http://localhost:${port}`;
  const self = `http://${loopbackFor(typeof address === 'object' && address ? address.address : config.host)}:${port}`;

  const loader = config.demoFeed ? new DemoLoader(config, self, base) : null;
  // Work started after listen (the demo feed) stops first at shutdown, before the database closes.
  if (loader) app.get(AfterListenWork).add(() => loader.stop());
  const demo = loader ? await loader.ready() : null;
  // Stopped while the demo was still loading: the server is closing, there is nothing to announce.
  if (loader && !demo) return;
  const wallToken = demo?.wallToken ?? (config.role === 'worker' ? null : await wallDisplayToken(config, self, logger));
  const lines = [
    `licensing-monitor ${config.mode} mode, role ${config.role}`,
    `API:         ${base}/api/v1   (OpenAPI: ${base}/api/docs)`,
    wallScreenLine(base, wallToken),
    `Console:     ${base}/console   (监察工作台; sign in as one of the demo users${demo ? ' printed next' : ': create users with PUT /api/v1/users/{username}'})`,
    `Health:      ${base}/health   ${base}/ready`,
    `Listening:   ${bound}${config.host === '127.0.0.1' ? '   (this machine only; set HOST=0.0.0.0 to serve other machines)' : ''}`,
  ];
  if (config.adminTokenGenerated) lines.push(`Admin token (generated for this run; set ADMIN_TOKEN to fix it): ${config.adminToken}`);
  if (demo) lines.push(...demo.describe());
  // The operator reads these lines on the console, so they are printed plainly, not as JSON logs.
  console.log(['', ...lines.map((l) => `  ${l}`), ''].join('\n'));
  // The demo users follow when their passwords are hashed (a second or two later).
  const users = demo ? await demo.users : null;
  if (users) console.log(['', ...users.map((l) => `  ${l}`), ''].join('\n'));
}

/** A display token for the printed wall URL (kept in DATA_DIR); null, with a warning, if none can be had. */
async function wallDisplayToken(
  config: ReturnType<typeof loadConfig>,
  self: string,
  logger: BootLogger,
): Promise<string | null> {
  try {
    return await ensureWallDisplayToken(new AdminClient(self, config.adminToken), self, config.dataDir);
  } catch (error) {
    logger.warn(`no display token for the wall URL: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

bootstrap().catch((error: Error) => {
  // A start that cannot complete (database unreachable, port taken) ends the process, in one line.
  console.error(`licensing-monitor could not start: ${error.message}`);
  process.exitCode = 1;
  process.exit();
});

/** The address this process reaches its own server at: a wildcard bind is reached on loopback. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
