/**
 * CPU accounting for processes the benchmark did not start: PostgreSQL backends of its own
 * database, and the machine-wide postgres and redis-server totals (shared with whatever else runs).
 */
import { readdirSync, readFileSync } from 'fs';
import { cpuSeconds } from './server';

/** Pids whose /proc/<pid>/comm is exactly `name`. */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** CPU seconds per pid now; pids that vanished are left out. */
export function cpuOf(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      out.set(pid, cpuSeconds(pid));
    } catch {
      // Gone.
    }
  }
  return out;
}

/** CPU used between two readings, over the pids present in both (a process that started later counts from 0). */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, value] of after) total += value - (before.get(pid) ?? 0);
  return Math.round(total * 100) / 100;
}
