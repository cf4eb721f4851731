import { createRequire } from 'module';
import { resolve } from 'path';

const load = createRequire(__filename);

/**
 * A module of the private build (dist copy): there the libraries' path aliases are rewritten to
 * relative paths, which the bench's own compile does not do. Types come from the sources.
 */
export function fromBuild<T>(buildRoot: string, path: string): T {
  return load(resolve(buildRoot, path)) as T;
}
