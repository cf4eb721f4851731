/**
 * The ingest benchmark's load generator, a process of its own (forked by ingest.bench.ts, so its CPU
 * is its own and never the server's). Department systems POST batches of case events over a few
 * keep-alive connections, open-loop at a target rate (batches are due on a fixed schedule; a
 * connection that falls behind sends at once) or closed-loop as fast as the server answers
 * (rate 0). Reports acknowledged events (202 `accepted`) to the parent every second.
 */
import http from 'http';
import { benchCatalogue, DepartmentFeed } from './support/ingest-stories';

export interface LoadgenConfig {
  baseUrls: string[];
  keys: Record<string, string>;
  departments: number;
  /** Events per second offered; 0 = closed loop, as fast as the server acknowledges. */
  rate: number;
  batchSize: number;
  connections: number;
  seconds: number;
  runId: string;
  irregularShare: number;
}

export interface LoadgenTick {
  type: 'tick' | 'done';
  elapsedS: number;
  acked: number;
  duplicates: number;
  rejected: number;
  batches: number;
  failures: number;
  /** Request round trips (send → 202) in this interval, ms. */
  requestMs: number[];
  firstError?: string;
}

function post(agent: http.Agent, url: URL, key: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolvePost, reject) => {
    const request = http.request(
      { agent, hostname: url.hostname, port: url.port, path: '/api/v1/events', method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolvePost({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function run(config: LoadgenConfig): Promise<void> {
  const catalogue = benchCatalogue(config.departments);
  const codes = Object.keys(catalogue.departments);
  const ringSize = config.batchSize;
  const feeds = codes.map((code) => new DepartmentFeed(code, catalogue, config.runId, ringSize, config.irregularShare));
  const agents = config.baseUrls.map(() => new http.Agent({ keepAlive: true, maxSockets: config.connections }));
  const urls = config.baseUrls.map((u) => new URL(u));
  const started = performance.now();
  const deadline = started + config.seconds * 1000;
  const interval = config.rate > 0 ? (config.batchSize / config.rate) * 1000 : 0;
  let slot = 0;
  let nextFeed = 0;
  const totals = { acked: 0, duplicates: 0, rejected: 0, batches: 0, failures: 0 };
  let window: number[] = [];
  let firstError: string | undefined;

  const report = (type: LoadgenTick['type']) => {
    const tick: LoadgenTick = { type, elapsedS: (performance.now() - started) / 1000, ...totals, requestMs: window, firstError };
    window = [];
    process.send?.(tick);
  };
  const ticker = setInterval(() => report('tick'), 1000);

  const connection = async (n: number) => {
    const agent = agents[n % agents.length];
    const url = urls[n % urls.length];
    for (;;) {
      const due = started + slot++ * interval;
      if (due >= deadline || performance.now() >= deadline) return;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const feed = feeds[nextFeed++ % feeds.length];
      const body = JSON.stringify({ events: feed.batch(config.batchSize, new Date(Date.now() - 60_000).toISOString()) });
      const sent = performance.now();
      try {
        const { status, text } = await post(agent, url, config.keys[feed.code], body);
        if (status !== 202) throw new Error(`HTTP ${status}: ${text.slice(0, 200)}`);
        const answer = JSON.parse(text) as { accepted: number; duplicates: number; rejected: unknown[] };
        totals.acked += answer.accepted;
        totals.duplicates += answer.duplicates;
        totals.rejected += answer.rejected.length;
        if (answer.rejected.length > 0) firstError ??= `rejected: ${JSON.stringify(answer.rejected[0]).slice(0, 300)}`;
        totals.batches++;
        window.push(performance.now() - sent);
      } catch (error) {
        totals.failures++;
        firstError ??= (error as Error).message;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: config.connections * config.baseUrls.length }, (_, n) => connection(n)));
  clearInterval(ticker);
  report('done');
  for (const agent of agents) agent.destroy();
}

process.once('message', (config: LoadgenConfig) => {
  run(config).then(
    () => process.disconnect?.(),
    (error: Error) => {
      console.error(error.stack ?? error.message);
      process.exit(1);
    },
  );
});
