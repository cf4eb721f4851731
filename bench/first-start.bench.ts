/**
 * `npm run bench:first-start [-- --runs N] [-- --entry main.js]`: only the first start of issue 18 — the built server on a
 * fresh DATA_DIR (embedded mode, demo on), timed by measureEmbeddedStart (the same measurement as I6
 * of bench/wall.bench.ts), N times one after the other (default 3), then the median of every stage.
 * Short (≈ 15 s a run), so it can be repeated at a quiet moment on a shared machine.
 */
import { readFileSync } from 'fs';
import os from 'os';
import { resolve } from 'path';
import { chromium } from 'playwright-core';
import { measureEmbeddedStart } from './support/embedded-start';
import { ROOT } from './support/results';
import { round } from './support/series';
import { privateBuild } from './support/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 3;
/** `--entry DIR/apps/api/src/main.js`: time another build (e.g. a copy of main's dist/, for a before/after). */
const entryAt = process.argv.indexOf('--entry');
const ENTRY = entryAt >= 0 ? resolve(process.argv[entryAt + 1]) : null;

const launch = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : round((sorted[mid - 1] + sorted[mid]) / 2);
}

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive integer');
  const catalogue = JSON.parse(readFileSync(resolve(ROOT, 'resources/demo/catalogue.json'), 'utf8')) as { departments: Record<string, unknown> };
  const entry = ENTRY ?? privateBuild('first-start');
  const runs: Record<string, number | null>[] = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`run ${run}/${RUNS}, load average ${round(os.loadavg()[0])}`);
    runs.push(await measureEmbeddedStart(entry, Object.keys(catalogue.departments).length, launch));
  }
  const medians = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((r) => r[key]).filter((v): v is number => v !== null))]));
  console.log(`first start, median of ${RUNS}: ${JSON.stringify(medians)}`);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
