import { setTimeout as sleep } from 'node:timers/promises';
import type {
  ConnectionProvider,
  DatabaseConnection,
  DialectAdapter,
  KyselyPlugin,
  KyselyProps,
  QueryExecutor,
  QueryId,
  QueryResult,
  RootOperationNode,
} from 'kysely';
import { CompiledQuery, Transaction } from 'kysely';
import { dialectOf } from './dialect.ts';
import { isTransientConflict } from './errors.ts';
import type { Database, Db, Tx } from './schema.ts';

/** Runs of the work in all when PostgreSQL keeps choosing it as a deadlock's victim. */
const ATTEMPTS = 4;

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so verbs
 * compose: `createSchool` can run alone or as part of `importPlaces`. Kysely cannot nest
 * `db.transaction()`, and on SQLite a second one would wait forever for the single connection.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return work(db);
  const run = dialectOf(db) === 'sqlite' ? onSqlite : once;
  // PostgreSQL breaks a deadlock (or a serialisation conflict) by aborting one transaction
  // and says to run it again; the outermost call does, so `work` must only touch the
  // database. SQLite has one writer and never raises these.
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(db, work);
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

const BEGIN = CompiledQuery.raw('begin');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/**
 * The same transaction as `once`, held on SQLite's one connection, with an executor that
 * hands each statement straight to that connection. Kysely's own transaction executor wraps
 * every statement in five more promises and a new executor, and its controlled transaction
 * costs two deferreds and a query id more: together ≈ 50 µs of a report's ≈ 600 in the
 * ingest bench (BENCHMARKS.md).
 */
async function onSqlite<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const base = db.getExecutor();
  return base.provideConnection(async (connection) => {
    await connection.executeQuery(BEGIN);
    const executor = new ConnectionExecutor(base, connection);
    try {
      const result = await work(new Transaction<Database>({ ...OUTSIDE_ONLY, executor }));
      await connection.executeQuery(COMMIT);
      return result;
    } catch (error) {
      // As in `once`: SQLite may have rolled back already, and why it did must show.
      try {
        await connection.executeQuery(ROLLBACK);
      } catch {
        // "no transaction is active"
      }
      throw error;
    } finally {
      executor.ended = true;
    }
  });
}

const outsideOnly = (): never => {
  throw new Error('not available inside a transaction');
};

/*
 * What a Kysely instance needs beyond its executor: the dialect and driver, used only to
 * begin, commit and nest transactions and to introspect. A Transaction refuses the first
 * ones itself; these make the rest fail loudly instead of reaching past the transaction.
 */
const OUTSIDE_ONLY: Omit<KyselyProps, 'executor'> = Object.freeze({
  config: Object.freeze({}) as KyselyProps['config'],
  driver: Object.freeze({
    init: outsideOnly,
    acquireConnection: outsideOnly,
    beginTransaction: outsideOnly,
    commitTransaction: outsideOnly,
    rollbackTransaction: outsideOnly,
    releaseConnection: outsideOnly,
    destroy: outsideOnly,
  }),
  dialect: Object.freeze({
    createAdapter: outsideOnly,
    createDriver: outsideOnly,
    createQueryCompiler: outsideOnly,
    createIntrospector: outsideOnly,
  }),
});

/**
 * Runs statements on one connection that a transaction holds. Compiling, plugins and
 * streams stay with the database's own executor; once the transaction has ended, any
 * statement fails, as with Kysely's transactions.
 */
class ConnectionExecutor implements QueryExecutor {
  ended = false;
  readonly #base: QueryExecutor;
  readonly #connection: DatabaseConnection;

  constructor(base: QueryExecutor, connection: DatabaseConnection) {
    this.#base = base;
    this.#connection = connection;
  }

  get adapter(): DialectAdapter {
    return this.#base.adapter;
  }

  get plugins(): readonly KyselyPlugin[] {
    return this.#base.plugins;
  }

  transformQuery<T extends RootOperationNode>(node: T, queryId: QueryId): T {
    return this.#base.transformQuery(node, queryId);
  }

  compileQuery<R = unknown>(node: RootOperationNode, queryId: QueryId): CompiledQuery<R> {
    return this.#base.compileQuery(node, queryId);
  }

  // Failures come as rejected promises, never thrown, as from Kysely's async executors:
  // the SQLite driver throws what better-sqlite3 throws.
  executeQuery<R>(compiledQuery: CompiledQuery<R>): Promise<QueryResult<R>> {
    try {
      this.#assertActive();
      // Plugins may rewrite results; the database's executor knows how.
      if (this.#base.plugins.length > 0) return this.#bound().executeQuery(compiledQuery);
      return this.#connection.executeQuery(compiledQuery);
    } catch (error) {
      return rejected(error);
    }
  }

  provideConnection<T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
    try {
      this.#assertActive();
      return consumer(this.#connection);
    } catch (error) {
      return rejected(error);
    }
  }

  stream<R>(compiledQuery: CompiledQuery<R>, chunkSize: number) {
    return this.#bound().stream(compiledQuery, chunkSize);
  }

  withConnectionProvider(connectionProvider: ConnectionProvider): QueryExecutor {
    return this.#base.withConnectionProvider(connectionProvider);
  }

  withPlugin(plugin: KyselyPlugin): QueryExecutor {
    return this.#bound().withPlugin(plugin);
  }

  withPlugins(plugins: readonly KyselyPlugin[]): QueryExecutor {
    return this.#bound().withPlugins(plugins);
  }

  withPluginAtFront(plugin: KyselyPlugin): QueryExecutor {
    return this.#bound().withPluginAtFront(plugin);
  }

  withoutPlugins(): QueryExecutor {
    return this.#bound().withoutPlugins();
  }

  /** The database's executor running on this connection, through `provideConnection`. */
  #bound(): QueryExecutor {
    return this.#base.withConnectionProvider(this);
  }

  #assertActive(): void {
    if (this.ended) throw new Error('the transaction has ended');
  }
}

/** A promise rejected with what was thrown, whatever it is. */
// eslint-disable-next-line @typescript-eslint/require-await -- its throw becomes the rejection
async function rejected(error: unknown): Promise<never> {
  throw error;
}

function isTransaction(db: Db): db is Tx {
  return db.isTransaction;
}
