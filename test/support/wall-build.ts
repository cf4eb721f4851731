import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The built wall screen and console, as the api serves them. `npm test` builds them (pretest); a lone jest run builds them here. */
export function ensureWallBuilt(): void {
  if (existsSync(path.join(ROOT, 'apps/dashboard/dist/index.html')) && existsSync(path.join(ROOT, 'apps/dashboard/dist/console.html'))) return;
  const result = spawnSync('npm', ['run', '--silent', 'build:wall'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:wall failed');
}

export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts');
