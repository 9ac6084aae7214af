import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Secret } from '@xiaowang/shared';
import type { DialectName } from './dialect.ts';
import { createPostgresPool, postgresKysely } from './postgres.ts';
import type { Db } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export const DATABASE_FILE_NAME = 'collector.db';

/** Where the collector's data lives: one SQLite file, or a PostgreSQL database. */
export type DatabaseLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: Secret; readonly poolSize?: number };

export interface OpenDatabaseOptions {
  /** A file path, or `:memory:` for tests. */
  readonly file: string;
  /** Fail instead of creating an empty database (backup must not invent one). */
  readonly mustExist?: boolean;
}

/** An open database of either kind: the query builder, and how to close it. */
export interface ConnectedDatabase {
  readonly kysely: Db;
  readonly dialect: DialectName;
  /** Closes the query builder and the driver or pool; safe to call twice. */
  close(): Promise<void>;
}

/** An open SQLite database, with its driver for what only SQLite has. */
export interface OpenedDatabase extends ConnectedDatabase {
  readonly dialect: 'sqlite';
  /** The raw driver, for what Kysely does not cover: online backup, pragmas. */
  readonly sqlite: SqliteDatabase.Database;
  readonly file: string;
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/** The configured database: PostgreSQL when a URL is set, else `collector.db` in the data dir. */
export function databaseLocation(config: {
  readonly dataDir: string;
  readonly database?: DatabaseLocation;
}): DatabaseLocation {
  return config.database ?? { kind: 'sqlite', file: databaseFile(config.dataDir) };
}

/** The location for messages and logs: a file path, or the URL without its password. */
export function describeLocation(location: DatabaseLocation): string {
  if (location.kind === 'sqlite') return location.file;
  const url = new URL(location.url.reveal());
  url.password = '';
  url.search = '';
  return url.toString();
}

export interface OpenLocationOptions {
  /** Told about errors of idle PostgreSQL connections. */
  readonly onIdleError?: (error: Error) => void;
}

export function openLocation(
  location: DatabaseLocation,
  options: OpenLocationOptions = {},
): ConnectedDatabase {
  if (location.kind === 'sqlite') return openDatabase({ file: location.file });
  return openPostgres(location, options);
}

/** PostgreSQL through a pool; the server's settings and schema come from the URL. */
export function openPostgres(
  location: Extract<DatabaseLocation, { kind: 'postgres' }>,
  options: OpenLocationOptions = {},
): ConnectedDatabase {
  const pool = createPostgresPool({
    url: location.url.reveal(),
    ...(location.poolSize === undefined ? {} : { poolSize: location.poolSize }),
    ...(options.onIdleError === undefined ? {} : { onIdleError: options.onIdleError }),
  });
  const kysely = postgresKysely(pool);
  let closed = false;
  return {
    kysely,
    dialect: 'postgres',
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy(); // ends the pool
    },
  };
}

/**
 * Opens SQLite the way the collector needs it: WAL so readers never wait for the writer,
 * foreign keys on (SQLite defaults to off), a busy timeout for the CLI running beside the
 * server, and synchronous=FULL. An agent deletes a report from its spool once the collector
 * acknowledged it, so an acknowledged commit must survive a power cut, not only a killed
 * process (NORMAL in WAL mode may roll back the last commits after an OS crash). It costs
 * one fsync per commit, 1–3 ms on the development VM, against a county's ~7 reports a second.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const inMemory = options.file === ':memory:';
  if (!inMemory && options.mustExist !== true)
    mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = new SqliteDatabase(options.file, { fileMustExist: options.mustExist === true });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  const kysely: Db = new Kysely({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  let closed = false;
  return {
    kysely,
    dialect: 'sqlite',
    sqlite,
    file: options.file,
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy(); // the SQLite driver closes the better-sqlite3 handle too
    },
  };
}
