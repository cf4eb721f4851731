import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../persistence/data-source-options';
import { pendingSchemaChanges, runMigrationsUnderLock } from '../persistence/migration-runner';

/** Developer tool: prints the SQL that entities need beyond the migrations (to write a new migration). */
async function main(): Promise<void> {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('usage: print-schema-diff <postgres url of an empty database>');
  const ds = new DataSource(buildDataSourceOptions({ url, poolSize: 1 }));
  await ds.initialize();
  await runMigrationsUnderLock(ds);
  for (const q of await pendingSchemaChanges(ds)) console.log(q + ';');
  await ds.destroy();
}
void main();
