import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'typeorm';

/**
 * TypeORM's console logger prints the parameters of a failed query; they can hold password and
 * token hashes or personal data. This one logs the failure and the SQL text, never the values.
 */
export class ParameterFreeLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // queries are not logged
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error(`query failed: ${message} — ${query.slice(0, 500)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 500)}`);
  }

  logSchemaBuild(): void {
    // schema building is the migrations' business, logged by the migration runner
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
