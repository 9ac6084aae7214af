import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { Secret } from '@xiaowang/shared';
import { migrateToLatest } from '../db/migrate.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import type { ConnectedDatabase, DatabaseLocation } from '../db/open.ts';
import { databaseFile, openDatabase, openPostgres } from '../db/open.ts';
import { createPostgresPool } from '../db/postgres.ts';
import type { TestBackend } from './config.ts';
import { loadTestDatabaseConfig } from './config.ts';

export interface TestDb extends ConnectedDatabase {
  /** Where it is, to open it a second time or hand it to a collector process or the CLI. */
  readonly location: DatabaseLocation;
  /** The temporary data directory, removed by close(); undefined for `:memory:`. */
  readonly dataDir: string | undefined;
  /** The raw SQLite driver; throws on PostgreSQL (skip such tests with `onPostgres`). */
  readonly sqlite: SqliteDatabase.Database;
}

export interface TestDbOptions {
  /** `memory` (default) is fastest; `file` gives a real WAL database in a fresh temp dir. */
  readonly storage?: 'memory' | 'file';
  /** Leave the database empty, e.g. to test migrations themselves. */
  readonly migrate?: boolean;
  /** The run's backend by default; `sqlite` for a county database even on the PostgreSQL run. */
  readonly backend?: TestBackend;
}

const config = loadTestDatabaseConfig();

/** The backend of this test run: `XIAOWANG_TEST_DATABASE` (sqlite by default). */
export const testBackend: TestBackend = config.backend;
/** True on the PostgreSQL run: `it.skipIf(onPostgres)` for what only SQLite has. */
export const onPostgres = testBackend === 'postgres';

/** A fresh temporary data directory; remove it with the returned function. */
export function makeTempDir(prefix = 'xiaowang-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A new, migrated database for one test: never shared, so tests cannot see each other's
 * rows. Call `close()` in afterEach; it also deletes the temp directory. On PostgreSQL it is
 * a database of its own, copied from a migrated template made once per server.
 */
export async function createTestDb(options: TestDbOptions = {}): Promise<TestDb> {
  const postgres = (options.backend ?? testBackend) === 'postgres';
  const temp = options.storage === 'file' || postgres ? makeTempDir() : undefined;
  if (postgres) return createPostgresTestDb(options, temp);
  const file = temp === undefined ? ':memory:' : databaseFile(temp.dir);
  const database = openDatabase({ file });
  if (options.migrate !== false) await migrateToLatest(database.kysely);
  return {
    ...database,
    location: { kind: 'sqlite', file },
    dataDir: temp?.dir,
    async close() {
      await database.close();
      temp?.remove();
    },
  };
}

async function createPostgresTestDb(
  options: TestDbOptions,
  temp: { dir: string; remove: () => void } | undefined,
): Promise<TestDb> {
  const name = `xw_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  if (options.migrate === false) await admin().query(`create database ${name} ${EMPTY}`);
  else await admin().query(`create database ${name} template ${await migratedTemplate()}`);
  const location: DatabaseLocation = { kind: 'postgres', url: new Secret(urlOf(name)) };
  const database = openPostgres(location);
  return {
    ...database,
    location,
    dataDir: temp?.dir,
    get sqlite(): SqliteDatabase.Database {
      throw new Error('this test needs SQLite: skip it on PostgreSQL with it.skipIf(onPostgres)');
    },
    async close() {
      await database.close();
      await admin().query(`drop database if exists ${name} with (force)`);
      temp?.remove();
    },
  };
}

/** Text sorts by code point, as in SQLite, whatever the server's own locale. */
const EMPTY = "template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'";

let adminPool: ReturnType<typeof createPostgresPool> | undefined;
let template: Promise<string> | undefined;

function serverUrl(): string {
  if (config.url === undefined) throw new Error('XIAOWANG_TEST_DATABASE_URL is not set');
  return config.url;
}

function urlOf(database: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** A connection to the server's maintenance database, for CREATE and DROP DATABASE. */
function admin() {
  adminPool ??= createPostgresPool({ url: serverUrl(), poolSize: 2 });
  return adminPool;
}

/**
 * The migrated template, named after the migrations' code so that a changed migration gets
 * a new one. Built under another name and renamed, so a half-built one is never copied.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const source = Object.values(MIGRATIONS)
      .map((m) => m.up.toString())
      .join('\n');
    const name = `xw_template_${createHash('sha256').update(source).digest('hex').slice(0, 12)}`;
    const client = await admin().connect();
    try {
      await client.query('select pg_advisory_lock(7305194402)');
      const found = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) {
        const building = `${name}_${randomBytes(4).toString('hex')}`;
        await client.query(`create database ${building} ${EMPTY}`);
        const database = openPostgres({ kind: 'postgres', url: new Secret(urlOf(building)) });
        try {
          await migrateToLatest(database.kysely);
        } finally {
          await database.close();
        }
        await client.query(`alter database ${building} rename to ${name}`);
      }
    } finally {
      await client.query('select pg_advisory_unlock(7305194402)');
      client.release();
    }
    return name;
  })();
  return template;
}
