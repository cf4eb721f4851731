import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A fresh embedded database, made once by the build (`npm run build` runs write-embedded-template.js):
 * PGlite's initdb already done and every migration of the build applied, as PGlite's own data
 * directory dump. A first start loads it instead of running initdb (seconds of WASM) and the
 * migrations; migrations added later still run at start as usual. Outside dist/, which the Nest build
 * deletes; not a source (gitignored).
 */
export const EMBEDDED_TEMPLATE_DIR = path.resolve(__dirname, '../../../../../build-cache');

/** Named by PGlite's version: a dump is only loaded by the PGlite that wrote it. */
export function embeddedTemplateFile(): string {
  return path.join(EMBEDDED_TEMPLATE_DIR, `embedded-template-pglite-${pgliteVersion()}.tgz`);
}

/** The template for this PGlite, or null (not built yet: the start runs initdb and the migrations). */
export function readEmbeddedTemplate(): Blob | null {
  const file = embeddedTemplateFile();
  return existsSync(file) ? new Blob([readFileSync(file)]) : null;
}

function pgliteVersion(): string {
  // The package's exports hide package.json: find it beside the resolved entry point.
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
