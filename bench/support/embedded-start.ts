/**
 * Issue 6: `npm start` on a fresh clone shows a live, populated wall within a minute. Runs the built
 * server as `npm start` does (embedded mode, demo feed on) on a fresh DATA_DIR and times, from the
 * spawn, each stage's log line, the printed wall URL, the page at that URL going live, and the page
 * populated (every department's tile, figures above zero).
 */
import { spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { round } from './series';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureEmbeddedStart(entry: string, departments: number, launch: () => Promise<Browser>): Promise<Record<string, number | null>> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'lm-bench-wall-embedded-'));
  // The browser is up before the clock starts: the figure is the server's, not Chromium's start.
  const browser = await launch();
  const startedAt = Date.now();
  const seconds = () => round((Date.now() - startedAt) / 1000);
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'text' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // When each stage's log line appeared (seconds after the spawn): where a slow start spends its time.
  const stages: Record<string, RegExp> = {
    databaseReadyS: /embedded PostgreSQL \(PGlite\) on/,
    nestStartedS: /Nest application successfully started/,
    catalogueLoadedS: /demo catalogue loaded/,
    urlPrintedS: /Wall screen:\s+http/,
  };
  const seen: Record<string, number | null> = Object.fromEntries(Object.keys(stages).map((k) => [k, null]));
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString();
    for (const [stage, pattern] of Object.entries(stages)) if (seen[stage] === null && pattern.test(output)) seen[stage] = seconds();
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  try {
    const printed = /Wall screen:\s+(http:\/\/\S+\/wall\?token=\S+)/;
    while (!printed.test(output)) {
      if (child.exitCode !== null || seconds() > 300) throw new Error(`embedded start printed no wall URL:\n${output.slice(-4000)}`);
      await sleep(100);
    }
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(printed.exec(output)![1].replace('localhost', '127.0.0.1'));
    await page.waitForSelector('html[data-state="live"]', { timeout: 300_000 });
    const liveS = seconds();
    // Populated: every department's tile, and figures above zero (the demo's history and feed).
    await page.waitForFunction(
      `document.querySelectorAll('.tile').length === ${departments} && ['acceptedToday', 'inProgress', 'completedToday'].some((k) => Number(document.querySelector('[data-kpi="' + k + '"]')?.textContent?.replace(/,/g, '')) > 0)`,
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    const populatedS = seconds();
    const timings = { ...seen, liveS, populatedS, loadAverage: round(os.loadavg()[0]) };
    console.log(`embedded start: ${JSON.stringify(timings)}`);
    return timings;
  } finally {
    await browser.close();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
