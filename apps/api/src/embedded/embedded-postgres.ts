import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEmbeddedTemplate } from './embedded-template';
import { startPasswordFront } from './password-front';

export interface EmbeddedPostgres {
  /** The connection URL, with the password generated for this run: never log it (use `address`). */
  url: string;
  /** host:port, for the log. */
  address: string;
  /** What the data directory was made from: already there, the build's template, or a fresh initdb. */
  startedFrom: 'existing' | 'template' | 'initdb' | 'given';
  stop(): Promise<void>;
}

/**
 * Where PGlite's socket server listens: a Unix socket in a fresh directory only this user may open
 * (a named pipe with an unguessable name on Windows). Nothing reaches it but the password front.
 */
function privateSocketPath(): { socketPath: string; cleanUp(): void } {
  if (process.platform === 'win32') return { socketPath: `\\\\.\\pipe\\lm-pglite-${randomBytes(16).toString('hex')}`, cleanUp: () => undefined };
  const dir = mkdtempSync(path.join(tmpdir(), 'lm-pglite-'));
  return { socketPath: path.join(dir, '.s.PGSQL.5432'), cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Embedded mode's database: PostgreSQL compiled to WASM (PGlite), persisted under DATA_DIR, so the
 * application talks to it with the ordinary `pg` driver and the same SQL and migrations as in server
 * mode. PGlite serves one connection: pool of one. PGlite has no authentication: it listens on a
 * private socket, and the only TCP port is a loopback front that requires a password generated at
 * each start (password-front.ts).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { loadDataDir?: Blob; inMemory?: boolean; fromTemplate?: boolean } = {},
): Promise<EmbeddedPostgres & { dumpDataDir(): Promise<Blob> }> {
  const dir = pgliteDir(dataDir);
  let loadDataDir = options.loadDataDir;
  let startedFrom: EmbeddedPostgres['startedFrom'] = loadDataDir ? 'given' : 'initdb';
  if (!options.inMemory) {
    const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
    if (!fresh && !loadDataDir) startedFrom = 'existing';
    // A fresh data directory starts from the build's template (embedded-template.ts) when there is one.
    if (fresh && !loadDataDir && options.fromTemplate !== false) {
      loadDataDir = readEmbeddedTemplate() ?? undefined;
      if (loadDataDir) startedFrom = 'template';
    }
    mkdirSync(dir, { recursive: true });
    const holder = embeddedHolder(dataDir);
    if (holder !== null && holder !== process.pid) throw new Error(`the data directory ${dataDir} is in use by process ${holder}: stop it first`);
    writeFileSync(holderFile(dataDir), String(process.pid));
  }
  const db = await PGlite.create(options.inMemory ? undefined : dir, loadDataDir ? { loadDataDir } : {});
  const { socketPath, cleanUp } = privateSocketPath();
  // The pool holds one connection, but a socket the pool has dropped can linger a moment before the
  // server detaches it; a limit of one would then refuse the pool's replacement connection and hang
  // its query. The server queues every query onto PGlite's single session anyway.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
  await server.start();
  const password = randomBytes(24).toString('base64url');
  const front = await startPasswordFront(socketPath, password);
  return {
    url: `postgres://postgres:${password}@${front.address}/postgres?sslmode=disable`,
    address: front.address,
    startedFrom,
    dumpDataDir: () => db.dumpDataDir('gzip'),
    async stop() {
      await front.close();
      await server.stop();
      await db.close();
      cleanUp();
      if (!options.inMemory && embeddedHolder(dataDir) === process.pid) rmSync(holderFile(dataDir), { force: true });
    },
  };
}

export const pgliteDir = (dataDir: string): string => path.join(dataDir, 'pglite');
const holderFile = (dataDir: string): string => path.join(dataDir, 'pglite.pid');

/**
 * The live process that has the embedded database open, or null. PGlite has one writer and no lock of
 * its own: a second process (a backup, a restore) on the same files would corrupt them.
 */
export function embeddedHolder(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(holderFile(dataDir), 'utf8'));
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null; // ESRCH: gone, the file is stale
  }
}
