import type { Db, Tx } from './schema.ts';

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so verbs
 * compose: `createSchool` can run alone or as part of `importPlaces`. Kysely cannot nest
 * `db.transaction()`, and on SQLite a second one would wait forever for the single connection.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return work(db);
  return db.transaction().execute(work);
}

function isTransaction(db: Db): db is Tx {
  return db.isTransaction;
}
