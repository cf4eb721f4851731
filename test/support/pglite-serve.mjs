// Serves an embedded (PGlite) data directory on a loopback port until stdin closes: PGlite cannot run
// inside Jest's VM (it imports modules dynamically), so tests read embedded data through this process.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startEmbeddedPostgres } = require('../../dist/apps/api/src/embedded/embedded-postgres.js');

const embedded = await startEmbeddedPostgres(process.argv[2]);
console.log(`URL ${embedded.url}`);
process.stdin.on('end', () => {
  void embedded.stop().then(() => process.exit(0));
});
process.stdin.resume();
