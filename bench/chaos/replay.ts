/**
 * The clean replay: the chaos database's event log, batch by batch in commit order, ingested into a
 * fresh database by a fresh server that nothing disturbs, projected to the end, then dumped.
 */
import { createDatabase, serverSecrets, startServer } from '../support/server';
import { backlog, dumpState, eventLog, StateDump, waitProjected } from './checker';
import { setUpCentre } from './centre';
import { LoadGenerator } from './load';
import type { CatalogueFile } from '../../libs/contracts/src';
import { Batch } from './workload';

export async function cleanReplay(options: {
  entry: string;
  buildRoot: string;
  chaosDatabaseUrl: string;
  redisUrl: string;
  catalogue: CatalogueFile;
  env: Record<string, string>;
}): Promise<{ dump: StateDump; events: number; batches: number; ms: number }> {
  const t0 = Date.now();
  const log = await eventLog(options.chaosDatabaseUrl);
  const db = await createDatabase('chaos_replay');
  const secrets = serverSecrets();
  const server = await startServer({ entry: options.entry, databaseUrl: db.url, redisUrl: options.redisUrl, role: 'all', ...secrets, env: options.env });
  try {
    const keys = await setUpCentre(options.buildRoot, server.baseUrl, secrets.adminToken, options.catalogue);
    const load = new LoadGenerator({ baseUrl: () => server.baseUrl, keys, concurrency: 3, resendShare: 0, seed: 1 });
    await load.run(log as unknown as Batch[]);
    const settled = await waitProjected(db.url, 180_000);
    if (settled.unprojectedBatches !== 0 || settled.staleCases !== 0) {
      throw new Error(`replay did not finish projecting: ${JSON.stringify(await backlog(db.url))}\n${server.output().slice(-3000)}`);
    }
    return { dump: await dumpState(db.url), events: load.acknowledgedCount(), batches: log.length, ms: Date.now() - t0 };
  } finally {
    await server.stop('SIGTERM');
    await db.drop();
  }
}
