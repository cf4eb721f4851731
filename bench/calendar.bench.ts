/**
 * Working-day arithmetic benchmark: our precomputed-index calendar against the `chinese-days` package
 * (day-by-day `findWorkday`), measured in the same process on the same inputs, plus an agreement
 * check over 2008–2026. Prints one JSON line. Run with `npm run bench:calendar`.
 *
 * Libraries are imported by relative path so the compiled CommonJS needs no path-alias resolution.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { performance } from 'perf_hooks';
import { findWorkday, getWorkdaysInRange } from 'chinese-days';
import { machine, printFigures, withRatio, writeResult } from './support/results';
import { HolidayYearFile, WorkingCalendar, addCalendarDays, parseIsoDate } from '../libs/domain/src/calendar';

// chinese-days parses dates as UTC and formats them in local time; pin UTC so the peer is judged fairly.
process.env.TZ = 'UTC';

const TARGET_OPS_PER_SEC = 2_000_000;
const TARGET_RATIO = 50;
const MEASURE_MS = 1_000;
const INPUTS = 8_192;

function holidayDir(): string {
  const candidates = [resolve(__dirname, '../../resources/holiday-cn'), resolve(process.cwd(), 'resources/holiday-cn')];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`resources/holiday-cn not found in ${candidates.join(', ')}`);
  return found;
}

function loadCalendar(): WorkingCalendar {
  const dir = holidayDir();
  const files = readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as HolidayYearFile);
  return WorkingCalendar.fromYearFiles(files);
}

function peerVersion(): string {
  const manifest = join(dirname(require.resolve('chinese-days')), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Deterministic PRNG (mulberry32) so every run measures the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let sink = 0;
/** Calls `operation(i)` over the inputs until MEASURE_MS has passed (after one warm-up pass). */
function opsPerSecond(operation: (i: number) => number): number {
  for (let i = 0; i < INPUTS; i++) sink += operation(i);
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < INPUTS; i++) sink += operation(i);
    ops += INPUTS;
    elapsed = performance.now() - started;
  } while (elapsed < MEASURE_MS);
  return Math.round(ops / (elapsed / 1000));
}

function main(): void {
  const startedAt = new Date().toISOString();
  const calendar = loadCalendar();
  const next = random(20250926);
  // Starts 2008-01-01…2026-09-30 and limits up to 45 working days keep every answer inside 2008–2026.
  const first = parseIsoDate('2008-01-01');
  const span = parseIsoDate('2026-09-30') - first;
  const starts = Array.from({ length: INPUTS }, () => addCalendarDays('2008-01-01', Math.floor(next() * span)));
  const limits = Array.from({ length: INPUTS }, () => 1 + Math.floor(next() * 45));
  const ends = starts.map((start) => addCalendarDays(start, Math.floor(next() * 90)));
  const afterStarts = starts.map((start) => addCalendarDays(start, 1));

  const ours = {
    add: opsPerSecond((i) => calendar.addWorkingDays(starts[i], limits[i]).charCodeAt(9)),
    between: opsPerSecond((i) => calendar.workingDaysBetween(starts[i], ends[i])),
  };
  const peer = {
    findWorkday: opsPerSecond((i) => findWorkday(limits[i], starts[i]).charCodeAt(9)),
    getWorkdaysInRange: opsPerSecond((i) => getWorkdaysInRange(afterStarts[i], ends[i]).length),
  };

  // Agreement: every start day of 2008–2026 for several limits, and ranges of several lengths.
  let compared = 0;
  let differing = 0;
  const examples: string[] = [];
  const last = '2026-12-31';
  for (let date = '2008-01-01'; date <= last; date = addCalendarDays(date, 1)) {
    for (const n of [1, 2, 3, 5, 10, 20, 45]) {
      const expected = calendar.addWorkingDays(date, n);
      if (expected > last) continue;
      compared++;
      const actual = findWorkday(n, date);
      if (actual !== expected && ++differing <= 5) examples.push(`${date}+${n}: ours ${expected}, peer ${actual}`);
    }
    for (const length of [1, 7, 30, 90]) {
      const end = addCalendarDays(date, length);
      if (end > last) continue;
      compared++;
      const expected = calendar.workingDaysBetween(date, end);
      const actual = getWorkdaysInRange(addCalendarDays(date, 1), end).length;
      if (actual !== expected && ++differing <= 5) examples.push(`(${date}, ${end}]: ours ${expected}, peer ${actual}`);
    }
  }

  const ratioAdd = ours.add / peer.findWorkday;
  const ratioBetween = ours.between / peer.findWorkday;
  const result = {
    benchmark: 'calendar',
    node: process.version,
    addWorkingDaysOpsPerSec: ours.add,
    workingDaysBetweenOpsPerSec: ours.between,
    peer: `chinese-days@${peerVersion()}`,
    peerFindWorkdayOpsPerSec: peer.findWorkday,
    peerGetWorkdaysInRangeOpsPerSec: peer.getWorkdaysInRange,
    ratioAddWorkingDaysVsFindWorkday: Math.round(ratioAdd),
    ratioWorkingDaysBetweenVsFindWorkday: Math.round(ratioBetween),
    ratioWorkingDaysBetweenVsGetWorkdaysInRange: Math.round(ours.between / peer.getWorkdaysInRange),
    inputs: { count: INPUTS, workingDays: '1..45', rangeDays: '0..89', seed: 20250926 },
    agreement: { range: '2008-01-01..2026-12-31', comparedAnswers: compared, differingAnswers: differing, examples },
    targetsMet:
      Math.min(ours.add, ours.between) >= TARGET_OPS_PER_SEC &&
      Math.min(ratioAdd, ratioBetween) >= TARGET_RATIO &&
      differing === 0,
    checksum: sink % 1_000_003,
  };
  console.log(JSON.stringify(result));
  const peerCeiling = { what: `chinese-days findWorkday (${result.peer})`, value: peer.findWorkday, unit: 'ops/s' };
  const figures = [
    withRatio({ id: 'P5', what: 'addWorkingDays', value: ours.add, unit: 'ops/s', target: '≥ 2,000,000 ops/s and ≥ 50 × peer', meets: ours.add >= TARGET_OPS_PER_SEC && ratioAdd >= TARGET_RATIO, ceiling: peerCeiling }),
    withRatio({ id: 'P5', what: 'workingDaysBetween', value: ours.between, unit: 'ops/s', target: '≥ 2,000,000 ops/s and ≥ 50 × peer', meets: ours.between >= TARGET_OPS_PER_SEC && ratioBetween >= TARGET_RATIO, ceiling: peerCeiling }),
    { id: 'P5', what: `answers differing from the peer (of ${compared.toLocaleString('en')}, 2008–2026)`, value: differing, unit: '', target: '0', meets: differing === 0 },
  ];
  printFigures(figures);
  writeResult({ bench: 'calendar', command: 'npm run bench:calendar', quick: false, startedAt, finishedAt: new Date().toISOString(), machine: machine(), figures, details: result });
  if (!result.targetsMet) process.exitCode = 1;
}

main();
