// Builds the application (and the wall screen) when its output is missing or older than any source file, so that
// `npm start` works on a fresh clone and after a `git pull` without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newest(path.join(entry, name))), stat.mtimeMs);
}

function buildIfStale(what, output, sources, script) {
  const builtAt = existsSync(path.join(root, output)) ? statSync(path.join(root, output)).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));
  if (builtAt >= changedAt) return;
  console.log(`building ${what} (sources changed since the last build)…`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildIfStale('the application', 'dist/apps/api/src/main.js',
  ['apps/api/src', 'libs', 'tsconfig.json', 'apps/api/tsconfig.app.json', 'package-lock.json'], 'build');
// The wall screen (/wall) and the console (/console) have their own build; its dist/ is not a source.
buildIfStale('the wall screen and the console', 'apps/dashboard/dist/console.html',
  ['apps/dashboard/src', 'apps/dashboard/index.html', 'apps/dashboard/console.html', 'apps/dashboard/vite.config.mjs', 'apps/dashboard/tsconfig.json',
    'libs/contracts/src', 'package-lock.json'], 'build:wall');
