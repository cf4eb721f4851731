import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
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
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = path.join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
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
    },
  };
}
