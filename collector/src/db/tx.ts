import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientConflict } from './errors.ts';
import type { Db, Tx } from './schema.ts';

/** Runs of the work in all when PostgreSQL keeps choosing it as a deadlock's victim. */
const ATTEMPTS = 4;

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so verbs
 * compose: `createSchool` can run alone or as part of `importPlaces`. Kysely cannot nest
 * `db.transaction()`, and on SQLite a second one would wait forever for the single connection.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return work(db);
  // PostgreSQL breaks a deadlock (or a serialisation conflict) by aborting one transaction
  // and says to run it again; the outermost call does, so `work` must only touch the
  // database. SQLite has one writer and never raises these.
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(db, work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransientConflict(error)) throw error;
      await sleep(Math.round(20 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

async function once<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await db.startTransaction().execute();
  let result: T;
  try {
    result = await work(tx);
    await tx.commit().execute();
  } catch (error) {
    // After SQLITE_FULL, IOERR or BUSY (in the work or at COMMIT) SQLite has rolled back by
    // itself and ROLLBACK fails with "no transaction is active": that must not hide why.
    await tx
      .rollback()
      .execute()
      .catch(() => undefined);
    throw error;
  }
  return result;
}

function isTransaction(db: Db): db is Tx {
  return db.isTransaction;
}
