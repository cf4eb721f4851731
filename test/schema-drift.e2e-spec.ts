import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../apps/api/src/persistence/data-source-options';
import { MIGRATIONS } from '../apps/api/src/persistence/migrations';
import { pendingSchemaChanges, runMigrationsUnderLock } from '../apps/api/src/persistence/migration-runner';
import { createTestDatabase } from './support/test-database';

describe('migrations', () => {
  it('create exactly the schema the entities describe (no drift), and run once under concurrent boots', async () => {
    const db = await createTestDatabase();
    const sources = [0, 1, 2].map(() => new DataSource(buildDataSourceOptions({ url: db.url, poolSize: 2 })));
    try {
      await Promise.all(sources.map((s) => s.initialize()));
      const applied = await Promise.all(sources.map((s) => runMigrationsUnderLock(s)));
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => new m().name));
      expect(await pendingSchemaChanges(sources[0])).toEqual([]);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
      await db.drop();
    }
  });
});
