import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where `npm run build:wall` puts the wall screen (apps/dashboard/dist), found by walking up from
 * this file so it resolves the same from TypeScript sources, from dist/ and inside the container.
 */
export function wallDistDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'apps', 'dashboard'))) return path.join(dir, 'apps', 'dashboard', 'dist');
    if (path.dirname(dir) === dir) return path.resolve('apps', 'dashboard', 'dist');
  }
}

export const isWallBuilt = (distDir: string): boolean => existsSync(path.join(distDir, 'index.html'));
