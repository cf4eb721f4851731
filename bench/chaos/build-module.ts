import { existsSync, readdirSync, statSync } from 'fs';
import { createRequire } from 'module';
import { resolve } from 'path';
import { ROOT } from '../support/results';

const load = createRequire(__filename);

/**
 * A module of the private build (dist copy): there the libraries' path aliases are rewritten to
 * relative paths, which the bench's own compile does not do. Types come from the sources.
 */
export function fromBuild<T>(buildRoot: string, path: string): T {
  return load(resolve(buildRoot, path)) as T;
}

/** The newest modification time under a folder (ms), 0 when it does not exist. */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = resolve(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * privateBuild, but never from a dist/ that a `nest build` elsewhere in the tree is rewriting
 * (it empties the folder first): waits until dist/ has been quiet for a few seconds and stayed
 * unchanged during the copy.
 */
export async function quietPrivateBuild(bench: string, copy: (bench: string) => string): Promise<string> {
  const dist = resolve(ROOT, 'dist');
  for (let attempt = 0; attempt < 60; attempt++) {
    const before = newestMtime(dist);
    if (before > 0 && Date.now() - before > 5000 && existsSync(resolve(dist, 'apps/api/src/main.js'))) {
      const entry = copy(bench);
      if (newestMtime(dist) === before) return entry;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('dist/ kept changing for two minutes: is a build running in a loop?');
}
