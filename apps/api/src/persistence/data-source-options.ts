import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { ParameterFreeLogger } from './parameter-free-logger';

export interface DatabaseConnectionSettings {
  url: string;
  poolSize: number;
  applicationName?: string;
}

/** One definition of the connection for the app, the CLI and the tests. Never `synchronize`. */
export function buildDataSourceOptions(settings: DatabaseConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn'],
    // Query parameters never reach the logs (hashes, personal data).
    logger: new ParameterFreeLogger(),
    extra: {
      max: settings.poolSize,
      // Fail fast while the database is down, so ingest can answer 503 instead of hanging.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      application_name: settings.applicationName ?? 'licensing-monitor',
    },
  };
}
