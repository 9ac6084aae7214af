import type { Db } from './db/schema.ts';

/** Time comes in as a dependency so tests can fix it. */
export type Clock = () => Date;

/** What a read verb receives: the database (or a transaction) and its input. */
export interface ReadContext<I> {
  readonly db: Db;
  readonly input: I;
}

/** What a write verb receives; it runs its writes in one transaction (db/tx.ts). */
export interface WriteContext<I> extends ReadContext<I> {
  readonly clock: Clock;
}

/** What a feature's routes receive to call its verbs; routes never touch the database themselves. */
export interface FeatureDeps {
  readonly db: Db;
  readonly clock: Clock;
}
