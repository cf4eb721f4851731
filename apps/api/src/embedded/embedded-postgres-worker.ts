/**
 * The embedded database's thread (embedded-postgres-thread.ts starts it): PGlite, its socket server
 * and the password front run here, so PostgreSQL's WASM work — initdb on a fresh data directory, then
 * every query — runs beside the application's event loop instead of on it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export type EmbeddedThreadMessage =
  | { type: 'ready'; url: string; address: string; startedFrom: EmbeddedPostgres['startedFrom'] }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };
let embedded: EmbeddedPostgres | null = null;
const post = (message: EmbeddedThreadMessage) => port.postMessage(message);

port.on('message', (message: { type: 'stop' }) => {
  if (message.type !== 'stop') return;
  void (async () => {
    await embedded?.stop();
    post({ type: 'stopped' });
    port.close();
  })();
});

startEmbeddedPostgres(dataDir).then(
  (started) => {
    embedded = started;
    post({ type: 'ready', url: started.url, address: started.address, startedFrom: started.startedFrom });
  },
  (error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    port.close();
  },
);
