#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only ingest,wall]`: builds what the benchmarks drive, runs each
// one as its own process (so one failing bench does not hide the others' figures), then merges their
// bench/results/<bench>.json into bench/results/latest.json and the table in docs/performance.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCHES = ['calendar', 'ingest', 'scale', 'reports', 'wall', 'console', 'card-list'];
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',').filter(Boolean) : BENCHES;
const unknown = only.filter((name) => !BENCHES.includes(name));
if (unknown.length) {
  console.error(`--only: unknown bench ${unknown.join(', ')} (known: ${BENCHES.join(', ')})`);
  process.exit(2);
}

execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: ROOT, stdio: 'inherit' });
execFileSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'bench/tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });

const started = new Date();
const outcomes = [];
for (const name of only) {
  const script = resolve(ROOT, `dist-bench/bench/${name}.bench.js`);
  if (!existsSync(script)) {
    outcomes.push({ bench: name, ok: false, error: `${script} missing` });
    continue;
  }
  console.log(`\n=== bench ${name}${quick ? ' (quick)' : ''} ===`);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ['--expose-gc', script, ...(quick ? ['--quick'] : [])], { cwd: ROOT, stdio: 'inherit' });
  outcomes.push({ bench: name, ok: run.status === 0, exitCode: run.status, seconds: Math.round((Date.now() - t0) / 1000) });
}

// Only results written during this run count; an older file would mix two machines' states.
const results = [];
for (const { bench } of outcomes) {
  const file = resolve(ROOT, `bench/results/${bench}.json`);
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, 'utf8'));
  if (new Date(result.startedAt) >= started) results.push(result);
}

const latest = {
  generatedAt: new Date().toISOString(),
  quick,
  machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  outcomes,
  results,
};
writeFileSync(resolve(ROOT, 'bench/results/latest.json'), `${JSON.stringify(latest, null, 2)}\n`);

const cell = (value) => (typeof value === 'number' ? value.toLocaleString('en') : String(value ?? ''));
const rows = results.flatMap((result) =>
  result.figures.map((f) =>
    `| ${f.id} | ${f.what} | ${cell(f.value)} ${f.unit} | ${f.ceiling ? `${f.ceiling.what}: ${cell(f.ceiling.value)} ${f.ceiling.unit}` : '—'} | ${f.ratio ?? '—'} | ${f.target ?? '—'} | ${f.meets === undefined ? '—' : f.meets ? 'met' : '**not met**'} | \`${result.command}\` |`,
  ),
);
const table = [
  `Run of ${latest.generatedAt.slice(0, 16).replace('T', ' ')} UTC${quick ? ' (quick)' : ''} on ${latest.machine.cores} cores, ${latest.machine.memoryGiB} GiB, Node ${latest.machine.node}; ceilings measured in the same run.`,
  '',
  '| id | figure | result | ceiling (same run) | ratio | target | | command |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  ...outcomes.filter((o) => !o.ok).map((o) => `| — | bench \`${o.bench}\` failed | ${o.error ?? `exit ${o.exitCode}`} | | | | | |`),
].join('\n');
const docPath = resolve(ROOT, 'docs/performance.md');
const doc = readFileSync(docPath, 'utf8');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const block = `${START}\n${table}\n${END}`;
writeFileSync(docPath, doc.includes(START) ? doc.replace(new RegExp(`${START}[\\s\\S]*${END}`), block) : `${doc.trimEnd()}\n\n## Latest \`npm run bench\`\n\n${block}\n`);

console.log(`\nwrote bench/results/latest.json and the table in docs/performance.md`);
for (const o of outcomes) console.log(`${o.ok ? 'ok  ' : 'FAIL'} ${o.bench}${o.seconds !== undefined ? ` (${o.seconds} s)` : ''}${o.error ? `: ${o.error}` : ''}`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
