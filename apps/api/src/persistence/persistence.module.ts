import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { openDatabase } from './database.provider';

/** The database (the configured one, or the embedded server's), injectable everywhere as DataSource. */
@Module({})
export class PersistenceModule {
  static register(databaseUrl: string, poolSize: number): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [{ provide: DataSource, useFactory: () => openDatabase(databaseUrl, poolSize) }],
      exports: [DataSource],
    };
  }
}
