/**
 * The clean replay: the chaos database's event log, batch by batch in commit order, ingested into a
 * fresh database by a fresh server that nothing disturbs, projected to the end, then dumped. The
 * server is started before the faults (booting takes a while on a busy machine) and the replay
 * runs while the chaos workers drain their backlog: the event log is complete once the load stops.
 */
import type { CatalogueFile } from '../../libs/contracts/src';
import { BenchDatabase, createDatabase, serverSecrets, ServerProcess, startServer } from '../support/server';
import { backlog, dumpState, eventLog, StateDump, waitProjected } from './checker';
import { setUpCentre } from './centre';
import { LoadGenerator } from './load';
import { Batch } from './workload';

export interface ReplayTarget {
  db: BenchDatabase;
  server: ServerProcess;
  keys: Map<string, string>;
  close(): Promise<void>;
}

export async function prepareReplay(options: {
  entry: string;
  buildRoot: string;
  redisUrl: string;
  catalogue: CatalogueFile;
  env: Record<string, string>;
}): Promise<ReplayTarget> {
  const db = await createDatabase('chaos_replay');
  const secrets = serverSecrets();
  try {
    const server = await startServer({ entry: options.entry, databaseUrl: db.url, redisUrl: options.redisUrl, role: 'all', ...secrets, env: options.env });
    const keys = await setUpCentre(options.buildRoot, server.baseUrl, secrets.adminToken, options.catalogue).catch(async (error: Error) => {
      await server.stop('SIGKILL');
      throw error;
    });
    return {
      db,
      server,
      keys,
      async close() {
        await server.stop('SIGTERM');
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

export async function cleanReplay(target: ReplayTarget, chaosDatabaseUrl: string): Promise<{ dump: StateDump; events: number; batches: number; ms: number }> {
  const t0 = Date.now();
  const log = await eventLog(chaosDatabaseUrl);
  const load = new LoadGenerator({ baseUrl: () => target.server.baseUrl, keys: target.keys, concurrency: 3, resendShare: 0, seed: 1 });
  await load.run(log as unknown as Batch[]);
  const settled = await waitProjected(target.db.url, 1_200_000);
  if (settled.unprojectedBatches !== 0 || settled.staleCases !== 0) {
    throw new Error(`replay did not finish projecting: ${JSON.stringify(await backlog(target.db.url))}\n${target.server.output().slice(-3000)}`);
  }
  return { dump: await dumpState(target.db.url), events: load.acknowledgedCount(), batches: log.length, ms: Date.now() - t0 };
}
