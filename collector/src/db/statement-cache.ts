import type SqliteDatabase from 'better-sqlite3';
import type {
  Compilable,
  CompiledQuery,
  SqliteDatabase as KyselySqliteDatabase,
  QueryResult,
} from 'kysely';
import { dialectOf } from './dialect.ts';
import type { Db } from './schema.ts';

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

/* Kysely's side: building and compiling a query costs more than SQLite's own work on most
 * single-row statements (a four-table select: ~20 µs to build and compile, ~4 µs to run). */

const MAX_TEMPLATES = 256;

/** A compiled statement and, per bound parameter, the input it takes (or a constant). */
interface Keyed {
  readonly compiled: CompiledQuery<unknown>;
  readonly slots: readonly ({ readonly input: string } | { readonly constant: unknown })[];
}

const keyed = new Map<string, Keyed>();

/** A placeholder Kysely binds like any value, so its position in the SQL can be found. */
class Slot {
  readonly input: string;
  constructor(input: string) {
    this.input = input;
  }
}

/**
 * Runs a statement whose SQL depends only on `key`. The first time, `build` runs with a
 * placeholder for each input and Kysely compiles it; that shows where each input is bound,
 * so later calls skip building and compiling and bind the new inputs in those places.
 * Inputs must not be undefined: Kysely leaves those columns out, which changes the SQL.
 * The statement still runs every time: nothing here caches a result.
 */
export function runKeyed<I extends Record<string, unknown>, O>(
  db: Db,
  key: string,
  inputs: I,
  build: (inputs: I) => Compilable<O>,
): Promise<QueryResult<O>> {
  const cacheKey = `${dialectOf(db)}:${key}`; // a process may hold both kinds of database
  let entry = keyed.get(cacheKey);
  if (entry === undefined) {
    const slots = Object.fromEntries(Object.keys(inputs).map((k) => [k, new Slot(k)]));
    const compiled = build(slots as unknown as I).compile() as CompiledQuery<unknown>;
    entry = {
      compiled,
      slots: compiled.parameters.map((p) =>
        p instanceof Slot ? { input: p.input } : { constant: p },
      ),
    };
    if (keyed.size >= MAX_TEMPLATES) keyed.clear();
    keyed.set(cacheKey, entry);
  }
  const parameters = entry.slots.map((s) => ('input' in s ? inputs[s.input] : s.constant));
  return db.executeQuery({ ...(entry.compiled as CompiledQuery<O>), parameters });
}
