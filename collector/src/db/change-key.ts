import { CompiledQuery } from 'kysely';
import { dialectOf } from './dialect.ts';
import type { Db } from './schema.ts';

/*
 * A value that differs whenever any row of the database may have changed since it was last
 * read on the same handle, so that what was derived from the database can be kept while it
 * stays the same. On SQLite two counters make it, each a few microseconds to read:
 * - `data_version` moves when another connection commits: another collector process on the
 *   file, the CLI, a second handle in this process;
 * - `total_changes()` counts the rows this connection inserted, updated or deleted, committed
 *   or rolled back (a rollback only costs a needless refresh).
 * It is coarse: any write anywhere (a report from another county, a session's touch) changes
 * it. PostgreSQL has no such counter for other sessions' commits, so there is no key and the
 * caller reads every time.
 */

const READ = CompiledQuery.raw(
  'select data_version as v, total_changes() as t from pragma_data_version',
);

/**
 * The change key of `db`, or undefined when there is none to be had: on PostgreSQL, and
 * inside a transaction, whose uncommitted rows would otherwise be kept after a rollback.
 * Read it before reading what is to be kept under it: then the kept value is at least as new
 * as the key, and a write that lands in between changes the key for the next reader. Read
 * through Kysely, not the raw driver, so it waits for a transaction that holds the connection
 * to finish instead of counting its uncommitted rows.
 */
export async function readChangeKey(db: Db): Promise<string | undefined> {
  if (db.isTransaction || dialectOf(db) !== 'sqlite') return undefined;
  const { rows } = await db.executeQuery<{ v: number | bigint; t: number | bigint }>(READ);
  const row = rows[0];
  return row === undefined ? undefined : `${String(row.v)}.${String(row.t)}`;
}
