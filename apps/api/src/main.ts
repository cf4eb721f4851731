import 'reflect-metadata';
import { createApp } from './app-factory';
import { ConfigError, loadConfig } from './config/app-config';
import { DemoLoader } from './demo/demo-bootstrap';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded/embedded-postgres';
import { createPino } from './telemetry/logging';
import { wallScreenLine } from './wall/wall-url';

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
  const logger = { log: (message: string) => pino.info({ context: 'Bootstrap' }, message) };
  let embedded: EmbeddedPostgres | null = null;
  if (config.mode === 'embedded') {
    embedded = await startEmbeddedPostgres(config.dataDir);
    logger.log(`embedded PostgreSQL (PGlite) on ${embedded.url}, data in ${config.dataDir}`);
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const app = await createApp(config, { databaseUrl }, { pino });
  if (embedded) {
    const stopEmbedded = embedded;
    process.once('exit', () => void stopEmbedded.stop());
  }
  // Work started after listen (the demo feed) must stop before the server and database close.
  const stops: (() => Promise<void>)[] = [];
  app.getHttpAdapter().getInstance().addHook('onClose', async () => {
    for (const stop of stops) await stop();
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;

  const loader = config.demoFeed ? new DemoLoader(config, base) : null;
  if (loader) stops.push(() => loader.stop());
  const demo = loader ? await loader.ready() : null;
  // Stopped while the demo was still loading: the server is closing, there is nothing to announce.
  if (loader && !demo) return;
  const lines = [
    `licensing-monitor ${config.mode} mode, role ${config.role}`,
    `API:         ${base}/api/v1   (OpenAPI: ${base}/api/docs)`,
    wallScreenLine(base, config, demo?.wallToken ?? null),
    `Console:     ${base}/console   (监察工作台; sign in as one of the demo users${demo ? ' below' : ': create users with PUT /api/v1/users/{username}'})`,
    `Health:      ${base}/health   ${base}/ready`,
  ];
  if (config.adminTokenGenerated) lines.push(`Admin token (generated for this run; set ADMIN_TOKEN to fix it): ${config.adminToken}`);
  if (demo) lines.push(...demo.describe());
  // The operator reads these lines on the console, so they are printed plainly, not as JSON logs.
  console.log(['', ...lines.map((l) => `  ${l}`), ''].join('\n'));
}

bootstrap().catch((error: Error) => {
  // A start that cannot complete (database unreachable, port taken) ends the process, in one line.
  console.error(`licensing-monitor could not start: ${error.message}`);
  process.exitCode = 1;
  process.exit();
});
