/**
 * `node dist/apps/api/src/cli/write-embedded-template.js` (run by `npm run build`): writes the
 * fresh, migrated embedded database a first start loads (embedded-template.ts).
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../persistence/database.provider';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres';
import { EMBEDDED_TEMPLATE_DIR, embeddedTemplateFile } from '../embedded/embedded-template';

async function writeTemplate(): Promise<void> {
  Logger.overrideLogger(['error']); // the build's output names the file, not each migration
  const embedded = await startEmbeddedPostgres('', { inMemory: true, fromTemplate: false });
  try {
    const dataSource = await openDatabase(embedded.url, 1, 0);
    await dataSource.destroy();
    const dump = await embedded.dumpDataDir();
    mkdirSync(EMBEDDED_TEMPLATE_DIR, { recursive: true });
    const file = embeddedTemplateFile();
    // Written aside and renamed: a start never loads a half-written template.
    writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${file}.partial`, file);
    console.log(`embedded database template written: ${file}`);
  } finally {
    await embedded.stop();
  }
}

writeTemplate().catch((error: Error) => {
  console.error(`could not write the embedded database template: ${error.message}`);
  process.exit(1);
});
