import { sql } from 'kysely';
import type { CompiledQuery, Compilable, QueryResult, RawBuilder } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { Db } from '../../db/schema.ts';

/**
 * Rows per multi-row statement: 16 columns × 400 rows stays far below the bound-parameter
 * limits of SQLite (32 766) and PostgreSQL (65 535).
 */
export const ROWS_PER_STATEMENT = 400;

const templates = new Map<string, CompiledQuery<unknown>>();
const MAX_TEMPLATES = 256;

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
  const out: O[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    // Keyed by dialect too: one process may hold a SQLite and a PostgreSQL database.
    const key = `${dialectOf(db)}:${name}:${chunk.length}`;
    const result = await db.executeQuery(compiledFor(key, chunk, build));
    out.push(...result.rows);
  }
  return out;
}

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
 * so later calls skip building and compiling (which costs more than SQLite's own work on
 * most of a report's single-row statements) and bind the new inputs in those places.
 * Inputs must not be undefined: Kysely leaves those columns out, which changes the SQL.
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

function compiledFor<R extends object, O>(
  key: string,
  chunk: readonly R[],
  build: (chunk: readonly R[]) => Compilable<O>,
): CompiledQuery<O> {
  const values = rowMajorValues(chunk);
  const template = templates.get(key) as CompiledQuery<O> | undefined;
  if (template !== undefined && values?.length === template.parameters.length) {
    return { ...template, parameters: values };
  }
  const compiled = build(chunk).compile();
  const sameOrder =
    values !== undefined &&
    values.length === compiled.parameters.length &&
    values.every((v, i) => v === compiled.parameters[i]);
  if (sameOrder) {
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(key, compiled);
  }
  return compiled;
}

/** Every row's values in the first row's key order; undefined if the rows differ in shape. */
function rowMajorValues(rows: readonly object[]): unknown[] | undefined {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first);
  const values: unknown[] = [];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    let i = 0;
    for (const column in record) {
      const value = record[column];
      if (column !== columns[i++] || value === undefined) return undefined;
      values.push(value);
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
