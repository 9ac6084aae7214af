import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export const DATABASE_FILE_NAME = 'collector.db';

export interface OpenDatabaseOptions {
  /** A file path, or `:memory:` for tests. */
  readonly file: string;
  /** Fail instead of creating an empty database (backup must not invent one). */
  readonly mustExist?: boolean;
}

export interface OpenedDatabase {
  readonly kysely: Db;
  /** The raw driver, for what Kysely does not cover: online backup, pragmas. */
  readonly sqlite: SqliteDatabase.Database;
  readonly file: string;
  /** Closes the query builder and the driver; safe to call twice. */
  close(): Promise<void>;
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/**
 * Opens SQLite the way the collector needs it: WAL so readers never wait for the writer,
 * foreign keys on (SQLite defaults to off), a busy timeout for the CLI running beside the
 * server, and synchronous=NORMAL, which is durable at every checkpoint in WAL mode.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const inMemory = options.file === ':memory:';
  if (!inMemory && options.mustExist !== true)
    mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = new SqliteDatabase(options.file, { fileMustExist: options.mustExist === true });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely: Db = new Kysely({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  let closed = false;
  return {
    kysely,
    sqlite,
    file: options.file,
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy(); // the SQLite driver closes the better-sqlite3 handle too
    },
  };
}
