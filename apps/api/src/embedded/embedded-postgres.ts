import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Embedded mode's database: PostgreSQL compiled to WASM (PGlite), persisted under DATA_DIR and
 * served on a loopback port, so the application talks to it with the ordinary `pg` driver and
 * the same SQL and migrations as in server mode. PGlite serves one connection: pool of one.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { loadDataDir?: Blob; inMemory?: boolean } = {}): Promise<EmbeddedPostgres> {
  const dir = pgliteDir(dataDir);
  if (!options.inMemory) {
    mkdirSync(dir, { recursive: true });
    const holder = embeddedHolder(dataDir);
    if (holder !== null && holder !== process.pid) throw new Error(`the data directory ${dataDir} is in use by process ${holder}: stop it first`);
    writeFileSync(holderFile(dataDir), String(process.pid));
  }
  const db = await PGlite.create(options.inMemory ? undefined : dir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  // The pool holds one connection, but a socket the pool has dropped can linger a moment before the
  // server detaches it; a limit of one would then refuse the pool's replacement connection and hang
  // its query. The server queues every query onto PGlite's single session anyway.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
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
