/**
 * The one shape every benchmark writes: `bench/results/<bench>.json`, merged by `bench/run.mjs`
 * into `bench/results/latest.json` and the table in docs/performance.md. A figure that sits on a
 * ceiling carries the ceiling measured in the same run and the ratio, so a reader never compares
 * numbers taken on different days of a shared machine.
 */
import { mkdirSync, writeFileSync } from 'fs';
import os from 'os';
import { resolve } from 'path';

export interface Ceiling {
  what: string;
  value: number;
  unit: string;
}

export interface Figure {
  /** Target id from targets.md (P1…P8, R1…R6), or a free label for supporting figures. */
  id: string;
  what: string;
  value: number;
  unit: string;
  /** The target as written in targets.md, e.g. "≥ 20,000 events/s". */
  target?: string;
  meets?: boolean;
  ceiling?: Ceiling;
  /** value / ceiling.value, when a ceiling is given. */
  ratio?: number;
  note?: string;
}

export interface BenchResult {
  bench: string;
  command: string;
  quick: boolean;
  startedAt: string;
  finishedAt: string;
  machine: { cores: number; memoryGiB: number; loadAverage: number[] };
  figures: Figure[];
  /** Anything else worth keeping (series over time, raw ceilings, settings). */
  details?: Record<string, unknown>;
}

export const ROOT = resolve(__dirname, '../../..');

export function machine(): BenchResult['machine'] {
  return {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

export function withRatio(figure: Omit<Figure, 'ratio'>): Figure {
  if (!figure.ceiling || figure.ceiling.value === 0) return figure;
  return { ...figure, ratio: Math.round((figure.value / figure.ceiling.value) * 1000) / 1000 };
}

export function writeResult(result: BenchResult): string {
  const dir = resolve(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${result.bench}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** One line per figure, the way every bench prints its summary. */
export function printFigures(figures: Figure[]): void {
  for (const figure of figures) {
    const ceiling = figure.ceiling ? `  | ceiling ${figure.ceiling.what}: ${figure.ceiling.value.toLocaleString('en')} ${figure.ceiling.unit} → ratio ${figure.ratio}` : '';
    const target = figure.target ? `  | target ${figure.target}: ${figure.meets ? 'met' : 'NOT met'}` : '';
    console.log(`${figure.id.padEnd(4)} ${figure.what}: ${figure.value.toLocaleString('en')} ${figure.unit}${ceiling}${target}`);
  }
}
