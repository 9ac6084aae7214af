import type SqliteDatabase from 'better-sqlite3';
import type {
  Compilable,
  CompiledQuery,
  SqliteDatabase as KyselySqliteDatabase,
  QueryResult,
} from 'kysely';
import type { DialectName } from './dialect.ts';
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

/** A compiled statement and, per bound parameter, the input it takes or else a constant. */
interface Keyed {
  readonly compiled: CompiledQuery<unknown>;
  /** The input bound at each position; undefined where a constant is. */
  readonly inputs: readonly (string | undefined)[];
  readonly constants: readonly unknown[];
}

// Per dialect, since a process may hold both kinds of database; keys are mostly literals,
// whose hashes V8 keeps, where a key joined with the dialect would be hashed on every call.
const keyed: Record<DialectName, Map<string, Keyed>> = { sqlite: new Map(), postgres: new Map() };

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
  const templates = keyed[dialectOf(db)];
  let entry = templates.get(key);
  if (entry === undefined) {
    entry = compileKeyed(inputs, build);
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(key, entry);
  }
  const { compiled, constants } = entry;
  const parameters: unknown[] = [];
  for (let i = 0; i < constants.length; i++) {
    const input = entry.inputs[i];
    parameters.push(input === undefined ? constants[i] : inputs[input]);
  }
  return db.executeQuery<O>({
    query: compiled.query,
    queryId: compiled.queryId,
    sql: compiled.sql,
    parameters,
  });
}

function compileKeyed<I extends Record<string, unknown>, O>(
  inputs: I,
  build: (inputs: I) => Compilable<O>,
): Keyed {
  const slots = Object.fromEntries(Object.keys(inputs).map((k) => [k, new Slot(k)]));
  const compiled = build(slots as unknown as I).compile() as CompiledQuery<unknown>;
  return {
    compiled,
    inputs: compiled.parameters.map((p) => (p instanceof Slot ? p.input : undefined)),
    constants: compiled.parameters.map((p) => (p instanceof Slot ? undefined : p)),
  };
}
