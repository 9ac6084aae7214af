import type { MessageKey, MessageParams } from '@xiaowang/shared';
import type { Kysely, Migration } from 'kysely';
import { Migrator, sql } from 'kysely';
import { tableExists } from './introspect.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { ensurePostgresFunctions } from './postgres.ts';
import { dialectOf } from './dialect.ts';

/** The ledger of applied migrations. Never rename: a renamed ledger would re-run everything. */
export const LEDGER_TABLE = 'schema_migrations';
export const LEDGER_LOCK_TABLE = 'schema_migration_locks';

/** The database was written by a newer collector: refuse rather than guess. */
export class DatabaseNewerError extends Error {
  readonly key: MessageKey = 'collector.db.newerThanCode';
  readonly params: MessageParams;
  readonly unknown: readonly string[];

  constructor(unknown: readonly string[]) {
    super(`database has migrations this collector does not know: ${unknown.join(', ')}`);
    this.name = 'DatabaseNewerError';
    this.unknown = unknown;
    this.params = { names: unknown.join(', ') };
  }
}

export class MigrationFailedError extends Error {
  readonly key: MessageKey = 'collector.db.migrationFailed';
  readonly params: MessageParams;

  constructor(migration: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`migration ${migration} failed: ${detail}`, { cause });
    this.name = 'MigrationFailedError';
    this.params = { name: migration, detail };
  }
}

/** Names in the ledger, oldest first; empty for a new database. */
export async function appliedMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  if (!(await tableExists(db, LEDGER_TABLE))) return [];
  const { rows } = await sql<{
    name: string;
  }>`select name from ${sql.table(LEDGER_TABLE)} order by name`.execute(db);
  return rows.map((row) => row.name);
}

/**
 * Applies every pending migration, each in its own transaction, and returns their names.
 * Throws DatabaseNewerError, touching nothing, when the ledger names a migration this code
 * does not have.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<string[]> {
  const unknown = (await appliedMigrations(db)).filter((name) => !Object.hasOwn(migrations, name));
  if (unknown.length > 0) throw new DatabaseNewerError(unknown);
  if (dialectOf(db) === 'postgres') await ensurePostgresFunctions(db);

  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
    migrationTableName: LEDGER_TABLE,
    migrationLockTableName: LEDGER_LOCK_TABLE,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationFailedError(failed?.migrationName ?? '(ledger)', error);
  }
  return results
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
