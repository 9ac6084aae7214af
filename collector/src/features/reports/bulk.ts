import { sql } from 'kysely';
import type { CompiledQuery, Compilable, RawBuilder } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';
import { dialectOf } from '../../db/dialect.ts';
import type { Db } from '../../db/schema.ts';

/** Single statements keyed by name live with the statement cache; reports use both kinds. */
export { runKeyed } from '../../db/statement-cache.ts';

/**
 * Rows per multi-row statement: 16 columns × 400 rows stays far below the bound-parameter
 * limits of SQLite (32 766) and PostgreSQL (65 535).
 */
export const ROWS_PER_STATEMENT = 400;

const MAX_TEMPLATES = 256;
// Per dialect, since one process may hold a SQLite and a PostgreSQL database.
const templates: Record<DialectName, Map<string, CompiledQuery<unknown>>> = {
  sqlite: new Map(),
  postgres: new Map(),
};

/**
 * Runs a multi-row statement per chunk of `rows`. Kysely's builder costs a couple of µs
 * per value and a report has thousands, so each shape (name, row count) is compiled once
 * and its SQL reused with the new values, after checking Kysely orders them row by row.
 */
export async function runBulk<R extends object, O>(
  db: Db,
  name: string,
  rows: readonly R[],
  build: (chunk: readonly R[]) => Compilable<O>,
): Promise<O[]> {
  if (rows.length === 0) return [];
  if (rows.length <= ROWS_PER_STATEMENT) {
    // A report's usual case: no copies.
    return (await db.executeQuery(compiledFor(db, name, rows, build))).rows;
  }
  const out: O[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    out.push(...(await db.executeQuery(compiledFor(db, name, chunk, build))).rows);
  }
  return out;
}

function compiledFor<R extends object, O>(
  db: Db,
  name: string,
  chunk: readonly R[],
  build: (chunk: readonly R[]) => Compilable<O>,
): CompiledQuery<O> {
  const shapes = templates[dialectOf(db)];
  const key = `${name}:${chunk.length}`;
  const values = rowMajorValues(chunk);
  const template = shapes.get(key) as CompiledQuery<O> | undefined;
  if (template !== undefined && values?.length === template.parameters.length) {
    return {
      query: template.query,
      queryId: template.queryId,
      sql: template.sql,
      parameters: values,
    };
  }
  const compiled = build(chunk).compile();
  const sameOrder =
    values !== undefined &&
    values.length === compiled.parameters.length &&
    values.every((v, i) => v === compiled.parameters[i]);
  if (sameOrder) {
    if (shapes.size >= MAX_TEMPLATES) shapes.clear();
    shapes.set(key, compiled);
  }
  return compiled;
}

/** Every row's values in the first row's key order; undefined if the rows differ in shape. */
function rowMajorValues(rows: readonly object[]): unknown[] | undefined {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first);
  const values: unknown[] = new Array<unknown>(rows.length * columns.length);
  let k = 0;
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    let i = 0;
    for (const column in record) {
      const value = record[column];
      if (column !== columns[i++] || value === undefined) return undefined;
      values[k++] = value;
    }
    if (i !== columns.length) return undefined;
  }
  return values;
}

/* Upsert merges written as CASE, which SQLite and PostgreSQL both read the same way. */

/** The smaller of the stored and the incoming value, ignoring nulls. */
export function lowest<T>(table: string, column: string): RawBuilder<T> {
  const [old, incoming] = [sql.ref(`${table}.${column}`), sql.ref(`excluded.${column}`)];
  return sql`case when ${old} is null or ${incoming} < ${old} then coalesce(${incoming}, ${old}) else ${old} end`;
}

/** The larger of the stored and the incoming value, ignoring nulls. */
export function highest<T>(table: string, column: string): RawBuilder<T> {
  const [old, incoming] = [sql.ref(`${table}.${column}`), sql.ref(`excluded.${column}`)];
  return sql`case when ${old} is null or ${incoming} > ${old} then coalesce(${incoming}, ${old}) else ${old} end`;
}

export function added(table: string, column: string): RawBuilder<number> {
  return sql`${sql.ref(`${table}.${column}`)} + ${sql.ref(`excluded.${column}`)}`;
}

/** The incoming value when the incoming row is at least as recent, else the stored one. */
export function ifNewer<T>(table: string, column: string): RawBuilder<T> {
  const [old, incoming] = [sql.ref(`${table}.${column}`), sql.ref(`excluded.${column}`)];
  const newer = sql`${sql.ref('excluded.last_seen_at')} >= ${sql.ref(`${table}.last_seen_at`)}`;
  return sql`case when ${newer} then ${incoming} else ${old} end`;
}
