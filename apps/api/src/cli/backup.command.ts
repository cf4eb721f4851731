import { Logger } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, renameSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditVerifierService } from '../audit/audit-verifier.service';
import { loadStorageConfig, StorageConfig } from '../config/app-config';
import { embeddedHolder, pgliteDir, startEmbeddedPostgres } from '../embedded/embedded-postgres';
import { openDatabase } from '../persistence/database.provider';
import { parseFlags, UsageError } from './cli-options';
import { copyAllTables } from './table-copy';

const run = promisify(execFile);

/** What a backup file holds, by its first bytes: pg_dump's custom format, or PGlite's gzipped data directory. */
export type BackupKind = 'pg_dump' | 'pglite';

export function backupKind(file: string): BackupKind {
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new UsageError(`${file} is not a backup of this system (neither pg_dump's custom format nor a PGlite data directory)`);
}

function fileArgument(argv: string[], command: string): string {
  const { positionals } = parseFlags(argv, {});
  if (positionals.length !== 1) throw new UsageError(`usage: cli ${command} FILE`);
  return path.resolve(positionals[0]);
}

function refuseWhileRunning(storage: StorageConfig): void {
  const holder = embeddedHolder(storage.dataDir);
  if (holder !== null) throw new Error(`the embedded server (process ${holder}) has ${storage.dataDir} open: stop it first (PGlite has one writer)`);
}

/** pg_dump and pg_restore must be of the server's major version or newer (PostgreSQL client tools). */
async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${tool} not found: install the PostgreSQL client tools of the server's version`);
    throw new Error(`${tool} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

/**
 * `backup FILE`. Server mode: pg_dump's custom format of DATABASE_URL (consistent while the centre runs).
 * Embedded mode: PGlite's data directory as a gzipped tar, taken while the server is stopped.
 */
export async function backupCommand(argv: string[]): Promise<void> {
  const file = fileArgument(argv, 'backup');
  const storage = loadStorageConfig();
  mkdirSync(path.dirname(file), { recursive: true });
  if (storage.databaseUrl) {
    await pgTool('pg_dump', ['--format=custom', '--no-owner', '--file', file, storage.databaseUrl]);
  } else {
    refuseWhileRunning(storage);
    if (!existsSync(pgliteDir(storage.dataDir))) throw new Error(`no embedded database in ${storage.dataDir} (DATA_DIR)`);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(pgliteDir(storage.dataDir));
    try {
      const dump = await db.dumpDataDir('gzip');
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  }
  console.log(`backup written: ${file} (${storage.mode} mode)`);
}

/**
 * `restore FILE`: replaces the current data with the backup's, then checks the audit chain.
 * A pg_dump backup restores into a server; a PGlite backup into embedded mode (the replaced data
 * directory is kept beside it) or, with DATABASE_URL set, into a server: the move from embedded to server.
 */
export async function restoreCommand(argv: string[]): Promise<void> {
  const file = fileArgument(argv, 'restore');
  if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  const kind = backupKind(file);
  const storage = loadStorageConfig();
  if (storage.databaseUrl) {
    if (kind === 'pg_dump') {
      await pgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', storage.databaseUrl, file]);
    } else {
      await moveEmbeddedToServer(file, storage.databaseUrl);
    }
    await verifyAfterRestore(storage.databaseUrl);
    return;
  }
  if (kind === 'pg_dump') throw new UsageError('this is a server backup (pg_dump): set DATABASE_URL to the server to restore it into');
  refuseWhileRunning(storage);
  const dir = pgliteDir(storage.dataDir);
  if (existsSync(dir)) {
    const aside = `${dir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dir, aside);
    console.log(`the data it replaces is kept in ${aside}`);
  }
  const embedded = await startEmbeddedPostgres(storage.dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  try {
    await verifyAfterRestore(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** The embedded backup loaded in memory, migrated, and its rows copied into the freshly migrated server. */
async function moveEmbeddedToServer(file: string, databaseUrl: string): Promise<void> {
  const target = new Client({ connectionString: databaseUrl });
  await target.connect();
  try {
    await target.query('DROP SCHEMA IF EXISTS public CASCADE');
    await target.query('CREATE SCHEMA public');
  } finally {
    await target.end();
  }
  await (await quietlyMigrated(databaseUrl)).destroy();
  const source = await startEmbeddedPostgres('', { loadDataDir: new Blob([await readFile(file)]), inMemory: true });
  try {
    await (await quietlyMigrated(source.url)).destroy();
    const report = await copyAllTables(source.url, databaseUrl);
    const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`copied ${rows} rows of ${report.tables.length} tables from the embedded backup into the server`);
  } finally {
    await source.stop();
  }
}

async function quietlyMigrated(url: string): Promise<DataSource> {
  Logger.overrideLogger(['warn', 'error']);
  return openDatabase(url, 1, 10_000);
}

/** A restore that broke the audit chain must not pass unnoticed. */
async function verifyAfterRestore(url: string): Promise<void> {
  const dataSource = await quietlyMigrated(url);
  try {
    const verification = await new AuditVerifierService(dataSource).verify();
    if (!verification.ok) throw new Error(`restored, but the audit chain is BROKEN at row ${verification.firstBroken!.seq}: ${verification.firstBroken!.reason}`);
    const head = verification.head ? `head ${verification.head.seq}:${verification.head.hash}` : 'empty log';
    console.log(`restored; audit chain intact: ${verification.checked} rows verified; ${head}`);
  } finally {
    await dataSource.destroy();
  }
}
