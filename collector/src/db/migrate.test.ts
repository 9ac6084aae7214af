import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/test-db.ts';
import { createTestDb, onPostgres } from '../testing/test-db.ts';
import { listTables } from './introspect.ts';
import { appliedMigrations, DatabaseNewerError, LEDGER_TABLE, migrateToLatest } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { ensureSampleMonths } from './sample-partitions.ts';

let db: TestDb | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const tableNames = (test: TestDb) => listTables(test.kysely);

describe('migrations', () => {
  it('are named NNNN_what_it_does and numbered without gaps', () => {
    const names = Object.keys(MIGRATIONS);
    names.forEach((name, i) => {
      expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
      expect(Number(name.slice(0, 4))).toBe(i + 1);
    });
  });

  it('build the schema from an empty database file and record each in the ledger', async () => {
    db = await createTestDb({ storage: 'file', migrate: false });
    expect(await appliedMigrations(db.kysely)).toEqual([]);
    expect(await migrateToLatest(db.kysely)).toEqual(Object.keys(MIGRATIONS));
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining(['counties', 'towns', 'schools', 'rooms', LEDGER_TABLE]),
    );
    expect(await appliedMigrations(db.kysely)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(db.kysely)).toEqual([]);
  });

  it.skipIf(onPostgres)('open the file with WAL and foreign keys on (SQLite)', async () => {
    db = await createTestDb({ storage: 'file' });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const now = new Date().toISOString();
    const orphan = db.kysely
      .insertInto('towns')
      .values({ county_id: 999, name: 'x', created_at: now, updated_at: now })
      .execute();
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
  });

  it('index every column that refers to a report, and each sample partition made later', async () => {
    db = await createTestDb();
    const test = db;
    // PostgreSQL: a month partition attached after 0011 gets the parent's indexes.
    const made = await ensureSampleMonths(test.kysely, ['2026-03']);
    const definitions = async (table: string) => {
      const { rows } = onPostgres
        ? await sql<{ def: string }>`select indexdef as def from pg_indexes
            where schemaname = current_schema() and tablename = ${table}`.execute(test.kysely)
        : await sql<{ def: string }>`select sql as def from sqlite_master
            where type = 'index' and tbl_name = ${table} and sql is not null`.execute(test.kysely);
      return rows.map((r) => r.def).join('\n');
    };
    const referring = [
      ['interface_samples', 'report_id'],
      ['report_gaps', 'report_id'],
      ['device_history', 'report_id'],
      ['devices', 'last_report_id'],
      ...made.map((month) => [`interface_samples_${month.replace('-', '_')}`, 'report_id']),
    ] as const;
    expect(made).toEqual(onPostgres ? ['2026-03'] : []);
    for (const [table, column] of referring) {
      expect(await definitions(table)).toMatch(new RegExp(`\\("?${column}"?\\)`));
    }
  });

  it('refuse a database that a newer collector has migrated, changing nothing', async () => {
    db = await createTestDb({ storage: 'file' });
    await sql`insert into ${sql.table(LEDGER_TABLE)} (name, timestamp) values ('0999_from_the_future', '2030-01-01')`.execute(
      db.kysely,
    );
    const before = await tableNames(db);
    const attempt = migrateToLatest(db.kysely);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseNewerError);
    await expect(migrateToLatest(db.kysely)).rejects.toThrow(/0999_from_the_future/);
    expect(await tableNames(db)).toEqual(before);
  });
});
