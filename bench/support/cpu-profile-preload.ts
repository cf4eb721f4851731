/**
 * Preloaded with NODE_OPTIONS=--require (node refuses --cpu-prof there): profiles the whole process
 * with the inspector and writes a .cpuprofile into CPU_PROFILE_DIR when it exits. Open it in Chrome
 * DevTools or summarise it with bench/support/cpu-profile-summary.
 */
import { Session } from 'inspector';
import { writeFileSync } from 'fs';
import { join } from 'path';

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // Same-thread sessions dispatch synchronously, so the profile is written before the process ends.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `${process.env.APP_ROLE ?? 'node'}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('exit', write);
  // Nest's shutdown hook re-raises SIGTERM after closing, which ends the process without 'exit'.
  process.once('SIGTERM', write);
}

/**
 * QUERY_TIMING_DIR: every pg query's round trip (call → result), summed per statement shape, written
 * as JSON next to the profile. Tells which statements the database time of the hot path goes to.
 */
const timingDir = process.env.QUERY_TIMING_DIR;
if (timingDir) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  const stats = new Map<string, { calls: number; ms: number; rows: number }>();
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function timedQuery(this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | null)?.text ?? '?');
    const shape = text.replace(/\$\d+/g, '$').replace(/\(\$(,\s*\$)*\)(,\s*\(\$(,\s*\$)*\))*/g, '(…)').replace(/\s+/g, ' ').slice(0, 110);
    const started = performance.now();
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<{ rowCount?: number }>).then(
        (r) => {
          const entry = stats.get(shape) ?? { calls: 0, ms: 0, rows: 0 };
          entry.calls++;
          entry.ms += performance.now() - started;
          entry.rows += r?.rowCount ?? 0;
          stats.set(shape, entry);
        },
        () => undefined,
      );
    }
    return result;
  };
  const dump = () => {
    const sorted = [...stats].sort((a, b) => b[1].ms - a[1].ms).map(([shape, s]) => ({ shape, ...s, ms: Math.round(s.ms) }));
    writeFileSync(join(timingDir, `${process.env.APP_ROLE ?? 'node'}-${process.pid}.queries.json`), JSON.stringify(sorted, null, 1));
  };
  process.on('exit', dump);
  process.once('SIGTERM', dump);
}
