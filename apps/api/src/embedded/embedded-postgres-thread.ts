import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedPostgres } from './embedded-postgres';
import type { EmbeddedThreadMessage } from './embedded-postgres-worker';

/**
 * Embedded mode's database on a thread of its own (ADR 0001, 0014): the same PGlite, socket server and
 * password front as startEmbeddedPostgres, started by embedded-postgres-worker.js. On a first start
 * PGlite's initdb (seconds of WASM) then overlaps with loading and wiring the application, and later
 * every query runs on the second core instead of competing with HTTP, sockets and bcrypt for the one
 * event loop. The application reaches it exactly as before: the `pg` driver on the returned URL.
 */
export function startEmbeddedPostgresThread(dataDir: string): Promise<EmbeddedPostgres> {
  const worker = new Worker(path.join(__dirname, 'embedded-postgres-worker.js'), { workerData: { dataDir } });
  return new Promise<EmbeddedPostgres>((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`the embedded database's thread ended (exit code ${code}) before it was ready`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (message: EmbeddedThreadMessage) => {
      worker.off('exit', onExit);
      worker.off('error', reject);
      if (message.type === 'failed') {
        void worker.terminate();
        reject(new Error(message.message));
        return;
      }
      if (message.type !== 'ready') return reject(new Error(`the embedded database's thread said ${message.type} before it was ready`));
      resolve({ url: message.url, address: message.address, startedFrom: message.startedFrom, stop: () => stopThread(worker) });
    });
  });
}

/** A thread that has not closed PGlite by then is ended; PGlite writes through, so nothing committed is lost. */
const STOP_GRACE_MS = 10_000;

/** Asks the thread to close PGlite (its files consistent), then waits for the thread to end. */
async function stopThread(worker: Worker): Promise<void> {
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage({ type: 'stop' });
  const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
  await ended;
  clearTimeout(timer);
}
