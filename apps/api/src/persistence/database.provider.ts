import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrationsUnderLock } from './migration-runner';

/**
 * Opens the database, waiting for it if it is not up yet (containers start in any order),
 * then applies pending migrations under the advisory lock.
 */
export async function openDatabase(url: string, poolSize: number, maxWaitMs = 60_000): Promise<DataSource> {
  const logger = new Logger('Database');
  const deadline = Date.now() + maxWaitMs;
  for (let attempt = 1; ; attempt++) {
    const dataSource = new DataSource(buildDataSourceOptions({ url, poolSize }));
    try {
      await dataSource.initialize();
      const applied = await runMigrationsUnderLock(dataSource);
      if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);
      return dataSource;
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      logger.warn(`database not ready (attempt ${attempt}): ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * attempt)));
    }
  }
}
