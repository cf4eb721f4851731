import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's `resources/` folder (calendars, demo catalogue), found by walking up from this
 * file so it resolves the same from TypeScript sources, from dist/ and inside the container.
 */
export function resourcesDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources');
    if (existsSync(path.join(candidate, 'holiday-cn'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error('resources/ folder not found above ' + __dirname);
  }
}
