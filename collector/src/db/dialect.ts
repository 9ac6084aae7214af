import type { Kysely, RawBuilder } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

/*
 * The few places where SQLite and PostgreSQL need different SQL. Domain code asks for a
 * fragment here instead of writing dialect SQL itself; everything else is portable.
 */

export type DialectName = 'sqlite' | 'postgres';

export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

const JSON_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The text of a top-level key of a JSON text column: `json_extract` or `->>`. */
export function jsonText<DB>(
  db: Kysely<DB>,
  column: string,
  key: string,
): RawBuilder<string | null> {
  if (!JSON_KEY.test(key)) throw new Error(`expected a plain JSON key, got ${JSON.stringify(key)}`);
  return dialectOf(db) === 'postgres'
    ? sql<string | null>`(${sql.ref(column)}::json ->> ${sql.lit(key)})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)})`;
}
