import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf } from './dialect.ts';

/*
 * What the schema holds, in the schema the connection uses. Kysely's introspection lists
 * every schema of a PostgreSQL database, so another application's `schema_migrations` there
 * would be mistaken for ours.
 */

/** True when `table` exists where unqualified names resolve (SQLite: main; PostgreSQL: search_path). */
export async function tableExists<DB>(db: Kysely<DB>, table: string): Promise<boolean> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{
      found: boolean;
    }>`select to_regclass(${table}) is not null as found`.execute(db);
    return rows[0]?.found === true;
  }
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

/** Our tables, sorted; leaves out SQLite's own and PostgreSQL's partitions of a table. */
export async function listTables<DB>(db: Kysely<DB>): Promise<string[]> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ name: string }>`
      select c.relname as name from pg_class c
      where c.relnamespace = current_schema()::regnamespace
        and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite\\_%' escape '\\'
    order by name`.execute(db);
  return rows.map((r) => r.name);
}
