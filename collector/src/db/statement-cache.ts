import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

export const STATEMENT_CACHE_SIZE = 512;

/**
 * Kysely prepares every query anew, and compiling SQL is a large part of a write's cost
 * (about a third of report ingest). This reuses compiled statements by SQL text; when full
 * it starts over, which is cheaper per hit than an LRU and rare with a fixed query set.
 */
export function withStatementCache(
  sqlite: SqliteDatabase.Database,
  capacity = STATEMENT_CACHE_SIZE,
): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql) {
      const cached = cache.get(sql);
      // A statement still being iterated (a stream) cannot run a second query.
      if (cached !== undefined && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (cached === undefined) {
        if (cache.size >= capacity) cache.clear();
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
