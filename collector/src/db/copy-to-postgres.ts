import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { LEDGER_LOCK_TABLE, LEDGER_TABLE, migrateToLatest } from './migrate.ts';
import { createPostgresPool, postgresKysely } from './postgres.ts';
import { addMonths } from './sample-partitions.ts';

/*
 * Moves a county's SQLite database into an empty PostgreSQL database: the target is
 * migrated to the same schema, then every table is copied in foreign-key order inside one
 * transaction, identity counters are moved past the copied ids, and each table's row count
 * is compared with the source before COMMIT. Any difference rolls everything back.
 */

/** Not copied: the migration ledger (the target has its own) and job leases of old processes. */
const SKIPPED = new Set([LEDGER_TABLE, LEDGER_LOCK_TABLE, 'leases']);
/** Bound parameters per INSERT, below PostgreSQL's 65 535. */
const MAX_PARAMETERS = 30_000;

export class TargetNotEmptyError extends Error {
  readonly table: string;
  readonly rows: number;

  constructor(table: string, rows: number) {
    super(`the target database already has ${rows} rows in ${table}`);
    this.name = 'TargetNotEmptyError';
    this.table = table;
    this.rows = rows;
  }
}

export class CountMismatchError extends Error {
  readonly table: string;
  readonly expected: number;
  readonly copied: number;

  constructor(table: string, expected: number, copied: number) {
    super(`${table}: ${copied} rows copied, ${expected} in the source`);
    this.name = 'CountMismatchError';
    this.table = table;
    this.expected = expected;
    this.copied = copied;
  }
}

export interface CopyOptions {
  /** The source, migrated to the latest schema and not written to meanwhile. */
  readonly sqlite: SqliteDatabase.Database;
  readonly targetUrl: string;
  /** Told after each table. */
  readonly onTable?: (table: string, rows: number) => void;
}

export interface CopiedTable {
  readonly table: string;
  readonly rows: number;
}

export async function copySqliteToPostgres(o: CopyOptions): Promise<CopiedTable[]> {
  const tables = tablesInDependencyOrder(o.sqlite);
  const pool = createPostgresPool({ url: o.targetUrl, poolSize: 2 });
  try {
    await refuseNonEmpty(pool, tables);
    const kysely = postgresKysely(pool);
    await migrateToLatest(kysely);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await makeSampleMonths(client, o.sqlite);
      const copied: CopiedTable[] = [];
      for (const table of tables) {
        const rows = await copyTable(client, o.sqlite, table);
        await moveIdentityPast(client, table);
        const inTarget = await countRows(client, table);
        if (inTarget !== rows) throw new CountMismatchError(table, rows, inTarget);
        copied.push({ table, rows });
        o.onTable?.(table, rows);
      }
      await client.query('commit');
      return copied;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

/** The source's tables, each after every table it refers to. */
export function tablesInDependencyOrder(sqlite: SqliteDatabase.Database): string[] {
  const names = (
    sqlite
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all() as string[]
  ).filter((name) => !name.startsWith('sqlite_') && !SKIPPED.has(name));
  const refers = new Map(
    names.map((name) => {
      const keys = sqlite.pragma(`foreign_key_list(${quote(name)})`) as { table: string }[];
      return [name, new Set(keys.map((k) => k.table).filter((t) => t !== name))];
    }),
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: readonly string[]) => {
    if (placed.has(name)) return;
    if (path.includes(name))
      throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    for (const parent of refers.get(name) ?? [])
      if (refers.has(parent)) visit(parent, [...path, name]);
    placed.add(name);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

async function refuseNonEmpty(pool: pg.Pool, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const exists = await pool.query<{ found: boolean }>(
      'select to_regclass($1) is not null as found',
      [table],
    );
    if (exists.rows[0]?.found !== true) continue;
    const { rows } = await pool.query<{ n: number }>(`select count(*) as n from ${quote(table)}`);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) throw new TargetNotEmptyError(table, n);
  }
}

/** Partitions for every month the source has samples of, so none land in the default. */
async function makeSampleMonths(client: pg.PoolClient, sqlite: SqliteDatabase.Database) {
  const { rows } = await client.query<{ kind: string | null }>(
    "select (select relkind from pg_class where oid = to_regclass('interface_samples'))::text as kind",
  );
  if (rows[0]?.kind !== 'p') return;
  const months = sqlite
    .prepare('select distinct substr(sampled_at, 1, 7) from interface_samples order by 1')
    .pluck()
    .all() as string[];
  for (const month of months.filter((m) => /^\d{4}-\d{2}$/.test(m))) {
    const table = `interface_samples_${month.replace('-', '_')}`;
    await client.query(
      `create table if not exists ${quote(table)} partition of interface_samples
       for values from ('${month}') to ('${addMonths(month, 1)}')`,
    );
  }
}

async function copyTable(
  client: pg.PoolClient,
  sqlite: SqliteDatabase.Database,
  table: string,
): Promise<number> {
  const columns = (sqlite.pragma(`table_info(${quote(table)})`) as { name: string }[]).map(
    (c) => c.name,
  );
  const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const insert = (count: number) => {
    const rows = Array.from(
      { length: count },
      (_, r) => `(${columns.map((_c, i) => `$${r * columns.length + i + 1}`).join(', ')})`,
    );
    return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${rows.join(', ')}`;
  };
  const full = insert(perInsert);
  let batch: unknown[] = [];
  let copied = 0;
  const flush = async () => {
    const count = batch.length / columns.length;
    if (count === 0) return;
    await client.query(count === perInsert ? full : insert(count), batch);
    copied += count;
    batch = [];
  };
  const select = sqlite.prepare(`select ${columns.map(quote).join(', ')} from ${quote(table)}`);
  for (const row of select.raw().iterate() as IterableIterator<unknown[]>) {
    batch.push(...row);
    if (batch.length >= perInsert * columns.length) await flush();
  }
  await flush();
  return copied;
}

/** Identity columns count on from the largest copied id, as SQLite's autoincrement would. */
async function moveIdentityPast(client: pg.PoolClient, table: string): Promise<void> {
  const { rows } = await client.query<{ column: string }>(
    `select a.attname as column from pg_attribute a
     where a.attrelid = to_regclass($1) and a.attidentity <> '' and not a.attisdropped`,
    [table],
  );
  for (const { column } of rows) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2),
         coalesce((select max(${quote(column)}) from ${quote(table)}), 0) + 1, false)`,
      [table, column],
    );
  }
}

async function countRows(client: pg.PoolClient, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`select count(*) as n from ${quote(table)}`);
  return Number(rows[0]?.n ?? 0);
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
